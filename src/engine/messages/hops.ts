/**
 * English templates of hop explanations (`Hop.message`), keyed by code. A `{placeholder}` is filled
 * with a name, an address or a number, or with another message of this catalogue (a phrase that
 * varies, rendered in the same language). The CLI prints these, so they stay byte for byte as the
 * CLI's golden tests have them.
 */
export const hopTexts = {
  /** An empty phrase, where an optional part of a text is absent. */
  "hop.none": "",

  // The client's connection and the source that cannot send.
  "hop.send": "connect to {dst}{via}, TCP from {src}",
  "hop.send-via-name": " ({name})",
  "hop.source-failed": "{node} has failed: nothing leaves {source}",
  "hop.node-failed-in-flight":
    "{node} failed at {t} s before the packet was through it: the packet is lost there and the client times out",

  // kube-proxy on a node.
  "hop.proxy-firewall":
    "kube-proxy on {node}: {client} is not in spec.loadBalancerSourceRanges, so {chain} lets it through undNATed and KUBE-PROXY-FIREWALL drops it",
  "hop.proxy-reject":
    'kube-proxy ({mode}) on {node}: "{comment}" -j REJECT: no ready endpoint for {dst}, the client gets ICMP port unreachable (connection refused)',
  "hop.proxy-drop":
    'kube-proxy ({mode}) on {node}: "{comment}" -j DROP: traffic policy Local and no ready endpoint on {node}; the client waits until it times out',
  "hop.proxy-dnat":
    "kube-proxy ({mode}) on {node}: {chains} → {pick}, of {count} ready endpoint(s): DNAT {from} → {to}",
  "hop.proxy-dnat-local":
    "kube-proxy ({mode}) on {node}: {chains} → {pick}, of {count} local ready endpoint(s): DNAT {from} → {to}",
  "hop.pick-random": "{chain} (rule {rule} of {of}, --probability {probability})",
  "hop.pick-final": "{chain} (rule {of} of {of}, the final rule always matches)",
  "hop.pick-round-robin": "IPVS rr: real server {server} of {of}",
  "hop.pick-affinity": "sessionAffinity ClientIP: {client} used {endpoint} {ago}s ago (timeout {timeout}s)",
  "hop.snat-cluster-policy":
    "MASQUERADE {from} → {to}: externalTrafficPolicy Cluster: KUBE-EXT marks the packet for masquerade, the pod sees the node's address",
  "hop.snat-local-source":
    "MASQUERADE {from} → {to}: traffic from the node itself to an external destination is masqueraded",
  "hop.snat-off-pod-network":
    "MASQUERADE {from} → {to}: ClusterIP traffic from outside the pod network is masqueraded (KUBE-SVC `! -s CLUSTER-CIDR`)",
  "hop.snat-hairpin":
    "MASQUERADE {from} → {to}: hairpin: the pod reached itself through its Service, so KUBE-SEP masquerades it (`-s ENDPOINT -j KUBE-MARK-MASQ`)",

  // kube-proxy's nftables and ipvs modes (nftables/proxier.go, ipvs/proxier.go).
  "hop.node-caught-nft":
    "arrives at {node}{from}; the kube-proxy table's services chain finds {dst} in its verdict map @{map} ({port})",
  "hop.node-caught-ipvs":
    "arrives at {node}{from}; {vs} is an IPVS virtual server there ({port}), and ipset {set} matches it",
  "hop.pick-numgen": "numgen random mod {of} = {value} → {chain}",
  "hop.proxy-dnat-ipvs-fallback":
    "kube-proxy ({mode}) on {node}: {chains} → {pick}: traffic policy Local but no ready endpoint on {node}, so the virtual server's real servers are the cluster's {count} ready endpoint(s) (kubernetes PR #97081): DNAT {from} → {to}",
  "hop.proxy-reject-nft":
    'kube-proxy (nftables) on {node}: @{map} maps {dst} to goto reject-chain ("{comment}"): no ready endpoint, the client gets ICMP port unreachable (connection refused)',
  "hop.proxy-drop-nft":
    'kube-proxy (nftables) on {node}: @{map} maps {dst} to drop ("{comment}"): traffic policy Local and no ready endpoint on {node}; the client waits until it times out',
  "hop.proxy-reject-ipvs":
    "kube-proxy (ipvs) on {node}: virtual server {vs} has no real server: IPVS answers ICMP port unreachable (connection refused)",
  "hop.proxy-firewall-nft":
    "kube-proxy (nftables) on {node}: firewall-check finds {dst} in @firewall-ips, and {chain} drops {client}, which is not in spec.loadBalancerSourceRanges",
  "hop.proxy-firewall-ipvs":
    "kube-proxy (ipvs) on {node}: {dst} is in ipset KUBE-LOAD-BALANCER-FW and {client} in neither KUBE-LOAD-BALANCER-SOURCE-CIDR nor KUBE-LOAD-BALANCER-SOURCE-IP: KUBE-SOURCE-RANGES-FIREWALL drops it",
  "hop.ipvs-reply-lost":
    "{pod} answers from {ip}, not from {vip}: nothing masqueraded the connection, so the reply goes straight to {client}, which discards it (kubernetes PR #97081); the connection times out",
  "hop.snat-nft": "masquerade {from} → {to}: {why}",
  "hop.snat-ipvs": "MASQUERADE {from} → {to}: {why}",
  "hop.snat-why-nft-cluster-policy":
    "externalTrafficPolicy Cluster: {chain} jumps to mark-for-masquerade and the masquerading chain masquerades; the pod sees the node's address",
  "hop.snat-why-nft-local-source":
    "traffic from the node itself to an external destination: {chain}'s `fib saddr type local jump mark-for-masquerade`",
  "hop.snat-why-nft-off-pod-network":
    "ClusterIP traffic from outside the pod network: {chain}'s `ip saddr != CLUSTER-CIDR jump mark-for-masquerade`",
  "hop.snat-why-nft-hairpin":
    "hairpin: the pod reached itself through its Service, so {chain}'s `ip saddr ENDPOINT jump mark-for-masquerade`",
  "hop.snat-why-ipvs-cluster-policy":
    "externalTrafficPolicy Cluster: the ipset {set} match jumps to KUBE-MARK-MASQ and KUBE-POSTROUTING masquerades; the pod sees the node's address",
  "hop.snat-why-ipvs-local-source":
    "traffic from the node itself to an external destination is masqueraded (ipset {set}, KUBE-MARK-MASQ)",
  "hop.snat-why-ipvs-off-pod-network":
    "ClusterIP traffic from outside the pod network: ipset {set} with `! -s CLUSTER-CIDR` jumps to KUBE-MARK-MASQ",
  "hop.snat-why-ipvs-hairpin":
    "hairpin: the pod reached itself through its Service; ipset {set} (dst,dst,src) in KUBE-POSTROUTING masquerades it",

  // A node receives a packet from the wire.
  "hop.node-failed": "{node} has failed: nothing answers for {dst}, the packet is lost",
  "hop.node-caught": "arrives at {node}{from}; kube-proxy's {chain} rule for {dst} catches it ({port})",
  "hop.node-no-rule": "arrives at {node}{from}, but {node} has no rule for {dst}: the packet is dropped",
  "hop.from-load-balancer": " from the load balancer",
  "hop.from-ingress-load-balancer": " from {lb}",
  "hop.from-address": " ({ip})",
  "hop.from-external-ip": ", where external IP {ip} is routed",

  // Layer-3 forwarding.
  "hop.to-node": "{ip} is {node}'s InternalIP: out to the node network",
  "hop.external-ip-owned":
    "{ip}: {node}'s {type}: the network delivers it to {node}, and its kube-proxy takes it from there",
  "hop.external-ip-assumed":
    "{ip}: no node lists {ip} in status.addresses; the simulator assumes the administrator routes it to {node}, the first node",
  "hop.unassigned-pod-ip": "{ip} is in {node}'s pod CIDR {cidr} but no pod has it: nothing answers",
  "hop.no-service-port":
    "no Service port {port}/{protocol} on ClusterIP {ip}: no kube-proxy rule matches and the address is virtual, so the packet is lost",
  "hop.virtual-address":
    "nothing owns {ip}: no kube-proxy rule matches and the address is virtual, so the packet is lost",
  "hop.egress": "{ip} is outside the cluster: out through {node}'s default route",
  "hop.egress-proxy-lb":
    "{ip} is {service}'s load-balancer address with ipMode Proxy: kube-proxy writes no rule for it, so the packet leaves through {node}'s default route for the load balancer",
  "hop.to-pod-node": "{ip} is in {cidr}: route via {node} ({nodeIP})",
  "hop.to-pod-node-cross-zone":
    "{ip} is in {cidr}: route via {node} ({nodeIP}), crossing from zone {from} to zone {to}",
  "hop.topology-zone":
    "kube-proxy on {node} (zone {zone}) follows the EndpointSlice hints ({why}): {count} of {total} ready endpoint(s) are hinted for {zone}, and it picks only among those",
  "hop.topology-why-distribution": "trafficDistribution {value}",
  "hop.topology-why-auto":
    "topology-mode Auto: the EndpointSlice controller allots endpoints to zones by their share of the nodes' CPU",
  "hop.topology-node":
    "kube-proxy on {node} follows the node hints (trafficDistribution PreferSameNode): {count} of {total} ready endpoint(s) are on {node}, and it picks only among those",
  "hop.topology-ignored":
    "kube-proxy on {node} ignores the EndpointSlice hints ({reason}) and picks among all {total} ready endpoint(s)",
  "hop.topology-ignored-unhinted": "some ready endpoint has no hint",
  "hop.topology-ignored-node": "no endpoint is hinted for {node}",
  "hop.topology-ignored-no-zone": "{node} has no topology.kubernetes.io/zone label",
  "hop.topology-ignored-zone": "no endpoint is hinted for zone {zone}",
  "hop.topology-auto-off":
    "topology-mode Auto, but the EndpointSlice controller removed the hints (TopologyAwareHintsDisabled: {reason}): kube-proxy on {node} picks among all {total} ready endpoint(s)",
  "hop.topology-off-node-info":
    "Insufficient Node information: allocatable CPU or zone not specified on one or more nodes, or the ready nodes are in one zone",
  "hop.topology-off-endpoints": "Insufficient number of endpoints: fewer ready endpoints than zones",
  "hop.topology-off-overload":
    "Unable to allocate minimum required endpoints to each zone without exceeding overload threshold",
  "hop.topology-off-no-zone": "One or more endpoints do not have a zone specified",
  "hop.pod-node-failed": "{node} has failed: {pod} does not answer, the packet is lost",
  "hop.to-pod": "{node} hands the packet to {pod}'s network interface",
  "hop.outside-internal":
    "{ip}: pod and ClusterIP addresses are not routed from outside the cluster; the connection times out",
  "hop.outside-unknown": "{ip}: no host in the simulation has it; the connection times out",

  // The end of the request.
  "hop.external-answers": "{host} ({dst}), outside the cluster: the simulator assumes it answers",
  "hop.host-endpoint":
    "a process on {node}'s host network that a Service lists as its endpoint answers (the simulator does not model it further)",
  "hop.delivered": "delivered to {pod} on {dst}: {listener}",
  "hop.listener": "container {container}, containerPort {port}",
  "hop.listener-named": "container {container}, containerPort {port} ({name})",
  "hop.listener-undeclared": "no containerPort declared: the simulator assumes the process listens",
  "hop.refused": "nothing listens on {dst}: the kernel answers with a TCP reset (connection refused)",

  // A Service's cloud load balancer.
  "hop.lb-no-listener": "the load balancer listens only on the Service's ports, not {port}/{protocol}",
  "hop.lb-firewall":
    "{client} is outside spec.loadBalancerSourceRanges ({ranges}): the load balancer's firewall drops it and the connection times out",
  "hop.lb-no-target": "no node is left to send to: every node has failed",
  "hop.lb-choice": "load balancer {ip}: {check}; healthy: {healthy}; picked {node}{forward}",
  "hop.lb-check-local": "healthCheckNodePort {port} passes only on nodes with a ready local endpoint",
  "hop.lb-check-cluster": "kube-proxy's health check (port 10256) passes on every live node",
  "hop.lb-fails-open": "none (fails open)",
  "hop.lb-to-node-port": ", forwards to its nodePort {nodePort}",
  "hop.lb-l2":
    "{ip}: MetalLB layer 2: {node} answers ARP for the address, so every packet for it enters there, its destination unchanged",
  "hop.lb-bgp":
    "{ip}: MetalLB BGP: the router's ECMP routes go to {nodes}; this flow hashes to {node}, its destination unchanged",
  "hop.lb-unannounced":
    "{ip}: no node announces the address (MetalLB): nothing answers ARP for it, the connection times out",
  "hop.lb-kind-envoy":
    "{ip}: cloud-provider-kind's Envoy container on the kind network (tcp_proxy, lb_policy RANDOM; health check /healthz on port {hcPort} every 3 s); healthy: {healthy}; picked {node}: a new connection from Envoy's {ip} to {nodeIP}:{nodePort}, so the node sees Envoy's address, not the client's",
  "hop.lb-docker-desktop":
    "Docker Desktop: vpnkit listens on the host's port {port} (localhost) for {service} and forwards the connection into the VM, to its ClusterIP {dst} from {node}",
  "hop.lb-minikube-tunnel":
    "minikube tunnel (it must be running) routes the Service CIDR {cidr} on the host via the minikube node, {node} ({nodeIP}): {ip} goes there unchanged",
  "hop.from-vpnkit": " from vpnkit",
  "hop.from-minikube-tunnel": " through minikube tunnel's route",

  // DNS: the source's resolver, CoreDNS, the upstream.
  "hop.dns-upstream-query": "{type}? {name} to the upstream resolver {server} ({why})",
  "hop.dns-upstream-answer": "upstream: {name} → {answer}{published}",
  "hop.dns-why-external": "the external client uses an upstream resolver, not cluster DNS",
  "hop.dns-why-node": "nodes resolve through their own upstream resolver, not cluster DNS",
  "hop.dns-why-host-network":
    "dnsPolicy ClusterFirst on the host network falls back to Default: the node's resolver",
  "hop.dns-why-default": "dnsPolicy Default: the node's resolver",
  "hop.dns-why-policy": "dnsPolicy {policy}: the simulator uses the upstream resolver only",
  "hop.dns-query":
    "{type}? {name}: resolv.conf nameserver {server}, search {search}, options ndots:{ndots}; {order}",
  "hop.dns-order-absolute": "absolute name: no search",
  "hop.dns-order-as-is": "at least ndots:{ndots} dots: as is first, then the search list",
  "hop.dns-order-search": "fewer than ndots:{ndots} dots: search list first",
  "hop.dns-no-server": "nothing answers DNS on {dst}",
  "hop.dns-coredns-answer": "CoreDNS: {type}? {name}{via} → {answer}",
  "hop.dns-forwarded": " (not in the cluster domain: forwarded upstream){published}",
  "hop.dns-published-ingress": " (published by external-dns from {object} {field}, the Ingress's address)",
  "hop.dns-published-gateway": " (published by external-dns from {object} {field}, the Gateway's address)",
  "hop.dns-nxdomain": "NXDOMAIN",
  "hop.dns-nodata": "NOERROR, no records of that type (the name exists)",
  "hop.dns-records": "{records}",
  "hop.dns-reply": "reply from {server} (conntrack reverses the DNAT): {summary}",
  "hop.dns-found": "{asked} is {name} → {answer}",
  "hop.dns-exists-no-record": "{asked}: {name} exists but has no {type} record",
  "hop.dns-nxdomain-after": "{asked}: NXDOMAIN after {count} name(s)",

  // Ingress: ingress-nginx and ingress-gce.
  "hop.http-to-https-port":
    'plain HTTP sent to the HTTPS port {port}: 400 Bad Request ("The plain HTTP request was sent to HTTPS port")',
  "hop.tls-to-http-port":
    "a TLS handshake sent to the plain HTTP port {port}: the proxy answers 400 Bad Request",
  "hop.ingress-path":
    "{request}: {host}; path {path} ({pathType}{as}) is the longest match for {requestPath} → backend {backend}",
  "hop.ingress-read-as": " (ImplementationSpecific, read as {matching})",
  "hop.ingress-gce-path": "GCE path",
  "hop.ingress-default": "{request}: {why} → backend {backend}",
  "hop.ingress-no-route": "{request}: {why}",
  "hop.host-any": "the rule has no host, so it takes any Host ({host})",
  "hop.host-wildcard": "Host {host} matches the wildcard {rule} (one label)",
  "hop.host-exact": "Host {host} matches {rule} exactly",
  "hop.host-none": "none",
  "hop.host-none-parenthesized": "(none)",
  "hop.route-no-host": "no Ingress rule names host {host} and none is host-less",
  "hop.route-server-default":
    "no path of host {host} matches {path}: the server's root location uses {ingress}'s spec.defaultBackend",
  "hop.route-catch-all-default":
    "no rule matches host {host} and path {path}: the catch-all server uses {ingress}'s spec.defaultBackend",
  "hop.route-no-path": "no path of host {host} matches {path}",
  "hop.route-no-rule": "no rule matches host {host} and path {path}",
  "hop.route-gce-no-path": "no path of the matching host rule matches {path}",
  "hop.route-gce-no-host": "no host rule matches {host}",
  "hop.route-default-backend": "{why}: spec.defaultBackend serves it",
  "hop.nginx-default-certificate":
    'TLS for SNI {sni}: no Ingress has a certificate for this host, so the controller serves its default certificate ("{certificate}", self-signed: a client warns); decrypted here, the request goes on to the backend as plain HTTP',
  "hop.nginx-certificate-problem":
    'TLS for SNI {sni}: {ingress} lists the host, but {problem}, so the controller serves its default certificate ("{certificate}": a client warns); decrypted here, the request goes on to the backend as plain HTTP',
  "hop.nginx-certificate":
    "TLS for SNI {sni}: certificate from Secret {secret}; decrypted here, the request goes on to the backend as plain HTTP",
  "hop.secret-unnamed": "the TLS entry names no secretName",
  "hop.secret-missing": "Secret {secret} does not exist",
  "hop.secret-not-tls": "Secret {secret} holds no tls.crt and tls.key (type kubernetes.io/tls)",
  "hop.nginx-plain": "ingress-nginx reads the plain HTTP request: Host {host}, path {path}",
  "hop.nginx-redirect":
    "{host} has TLS ({ingress} {field}): ingress-nginx answers plain HTTP with {status} Permanent Redirect to {location} (ssl-redirect, on by default)",
  "hop.nginx-no-rule": "no rule serves it: the controller's default backend answers 404 Not Found",
  "hop.nginx-unavailable":
    "upstream {upstream}: {why}, so ingress-nginx answers 503 Service Temporarily Unavailable",
  "hop.backend-no-service": "Service {service} does not exist",
  "hop.backend-no-port": "Service {service} has no port {port}",
  "hop.backend-no-endpoint": "Service {service} has no ready endpoint",
  "hop.nginx-upstream":
    "proxy_pass to upstream {upstream}: round robin over {count} ready endpoint(s) of the Service (not its ClusterIP) → {dst}; a new connection from the controller pod {podIP}, with X-Forwarded-For: {client}",
  "hop.gce-no-https":
    "{ip}:443 has no HTTPS forwarding rule: ingress-gce builds one only when spec.tls is set; the connection times out",
  "hop.gce-certificate-problem":
    "ingress-gce could not upload the certificate ({problem}), so there is no HTTPS frontend; the connection times out",
  "hop.gce-certificate":
    "TLS for SNI {host}: certificate from Secret {secret}{covers}; decrypted at the load balancer, the request goes on as HTTP",
  "hop.gce-certificate-other-host":
    " (it does not name {host}: the load balancer serves its first certificate and a client warns)",
  "hop.gce-http-disabled":
    '{annotation}: "false": no HTTP forwarding rule on {ip}:80; the connection times out',
  "hop.gce-ports": "the load balancer forwards only ports 80 and 443, not {port}",
  "hop.gce-http":
    "forwarding rule {ip}:80 → the target HTTP proxy, which reads the request with {ingress}'s URL map",
  "hop.gce-no-rule":
    "the URL map's default service, GKE's kube-system/default-http-backend, answers 404 (default backend - 404)",
  "hop.gce-bad-gateway": "{why}: the load balancer answers 502 Bad Gateway (failed_to_pick_backend)",
  "hop.gce-no-node-port": "the Service port has no nodePort",
  "hop.gce-no-healthy-node":
    "no node passes the backend service's health check (no ready endpoint behind the NodePort)",
  "hop.gce-choice":
    "backend service for {service} port {port} (NodePort {nodePort}): healthy nodes ({policy}): {nodes}; picked {node}; a new connection from the Google Front End {gfe}, with X-Forwarded-For: {client}, {ip}",
  "hop.gce-policy-local": "with a ready local endpoint",
  "hop.gce-policy-live": "live",

  // Gateway API: Envoy Gateway's proxy.
  "hop.gw-http-to-https":
    "plain HTTP sent to an HTTPS listener: the TLS handshake fails and Envoy closes the connection",
  "hop.gw-tls-to-http": "a TLS handshake sent to an HTTP listener: Envoy answers 400 Bad Request",
  "hop.gw-no-listener": "no listener on port {port} takes host {host} (Listener.hostname): Envoy answers 404",
  "hop.gw-tls":
    "listener {listener} (HTTPS, port {port}): TLS for SNI {host} terminated with the certificate in Secret {secret}; the request goes on as HTTP",
  "hop.gw-listener":
    "listener {listener} (HTTP, port {port}{hostname}) reads Host {host}, path {path}; {count} route(s) attached",
  "hop.gw-listener-hostname": ", hostname {hostname}",
  "hop.gw-no-match":
    "no HTTPRoute rule attached to listener {listener} matches {host}{path}: Envoy answers 404",
  "hop.gw-match": "{host}{path}: {field}{hostname} matches ({match}){why}",
  "hop.gw-match-hostname": " (hostname {hostname})",
  "hop.gw-wins": "; it wins over {route} {field} because {reason}",
  "hop.gw-why-hostname": "its hostname is more specific",
  "hop.gw-why-exact-path": "an Exact path match comes before any other",
  "hop.gw-why-path-type":
    "a RegularExpression path comes before a PathPrefix (the simulator's order; the spec leaves it to the implementation)",
  "hop.gw-why-longer-prefix": "its PathPrefix has more characters",
  "hop.gw-why-method": "it matches the method",
  "hop.gw-why-more-headers": "it matches more headers",
  "hop.gw-why-more-query-params": "it matches more query parameters",
  "hop.gw-why-older-route": "its route is older (creationTimestamp)",
  "hop.gw-why-route-name": "its route comes first by {order}",
  "hop.gw-why-rule-order": "it comes first in the route's rules",
  "hop.gw-why-longer-service": "its service has more characters",
  "hop.gw-why-longer-method": "its method has more characters",
  "hop.gw-grpc-match": "gRPC call {service}/{method} to {host}: {field}{hostname} matches ({match}){why}",
  "hop.gw-grpc-no-match":
    "no GRPCRoute rule attached to listener {listener} matches {host}{path}: Envoy answers 404, which a gRPC client reads as UNIMPLEMENTED",
  "hop.gw-tls-no-hello":
    "no TLS ClientHello (plain text) on a TLS listener: no server name to route by, Envoy closes the connection",
  "hop.gw-tls-no-listener":
    "no TLS listener on port {port} takes SNI {sni} (Listener.hostname): Envoy closes the connection",
  "hop.gw-tls-no-route":
    "no TLSRoute attached to listener {listener} has a hostname for SNI {sni}: Envoy closes the connection",
  "hop.gw-tls-passthrough":
    "listener {listener} (TLS Passthrough, port {port}) reads SNI {sni} from the ClientHello without decrypting: {route} (hostnames {hostnames}) takes it",
  "hop.gw-tls-terminate-route":
    "listener {listener} (TLS Terminate, port {port}) terminates TLS for SNI {sni}: {route} (hostnames {hostnames}) takes the decrypted stream",
  "hop.gw-header-modifier": "RequestHeaderModifier: {changes}",
  "hop.gw-redirect": "RequestRedirect: Envoy answers {status} with Location: {location}",
  "hop.gw-rewrite": "URLRewrite: {before} is forwarded as Host {host}, path {path}",
  "hop.gw-filter-not-simulated": "filter {filter} is not simulated: the request goes on unchanged",
  "hop.gw-no-backends": "{field} has no backendRefs: Envoy answers 500",
  "hop.gw-zero-weights":
    "every backendRef of {field} has weight 0: no traffic is forwarded, Envoy answers 500",
  "hop.gw-weighted": "weighted backendRefs ({weights}): picked {name}, chance {weight}/{total}",
  "hop.gw-invalid-backend":
    "backendRef {backend} is invalid (ResolvedRefs False, {reason}: {message}): Envoy answers 500",
  "hop.gw-no-port": "Service {service} has no port {port}: Envoy answers 500",
  "hop.gw-no-port-given": "Service {service} has no port (none given): Envoy answers 500",
  "hop.gw-no-endpoint": "Service {service} has no ready endpoint: Envoy answers 503 (no healthy upstream)",
  "hop.gw-upstream":
    "Envoy sends {method} {host}{path} to {endpoint}: Envoy Gateway's default load balancing (least request; with equal load, a random pick here) over {count} ready endpoint(s) of Service {service} (not its ClusterIP); a new connection from the proxy pod {podIP}, with X-Forwarded-For: {client}",
  "hop.gw-tls-upstream":
    "Envoy opens a TCP connection to {endpoint} ({count} ready endpoint(s) of Service {service}) from the proxy pod {podIP} and relays the stream for SNI {sni} (TLS {mode}): the backend sees the proxy's address",
} as const satisfies Record<string, string>;
