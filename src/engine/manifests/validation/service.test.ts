import { describe, expect, it } from "vitest";
import { loadManifests } from "../load.ts";
import { problems, service } from "../testutil.ts";

const errorsOf = (spec: Record<string, unknown>) =>
  problems([service(spec)]).filter((p) => !p.startsWith("warning"));

describe("Service validation", () => {
  it("accepts a plain ClusterIP Service", () => {
    expect(problems([service({})])).toEqual([]);
  });

  // validation.go ValidateService: ValidateServiceName = NameIsDNS1035Label
  it("requires the name to be a DNS-1035 label (starting with a letter)", () => {
    expect(problems([service({}, "1web")])[0]).toMatch(
      /^metadata.name: Invalid value: "1web": a DNS-1035 label must/,
    );
  });

  // validation.go ValidateService: ports required unless headless or ExternalName
  it("requires ports, except for headless and ExternalName Services", () => {
    expect(errorsOf({ ports: [] })).toEqual(["spec.ports: Required value"]);
    expect(errorsOf({ ports: [], clusterIP: "None" })).toEqual([]);
    expect(
      errorsOf({ ports: [], type: "ExternalName", externalName: "db.example.com", selector: null }),
    ).toEqual([]);
  });

  // validation.go validateServicePort: IsValidPortNum
  it("keeps port within 1-65535 (and targetPort, defaulted to it)", () => {
    expect(errorsOf({ ports: [{ port: 70000 }] })).toEqual([
      "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
      "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ]);
  });

  // validation.go validateServicePort: requireName when more than one port, names unique
  it("requires names when there is more than one port, and unique ones", () => {
    expect(errorsOf({ ports: [{ port: 80 }, { port: 81, name: "b" }] })).toEqual([
      "spec.ports[0].name: Required value",
    ]);
    expect(
      errorsOf({
        ports: [
          { port: 80, name: "a" },
          { port: 81, name: "a" },
        ],
      }),
    ).toEqual(['spec.ports[1].name: Duplicate value: "a"']);
  });

  // validation.go validateServicePort: protocol in supportedPortProtocols
  it("allows only TCP, UDP and SCTP", () => {
    expect(errorsOf({ ports: [{ port: 80, protocol: "HTTP" }] })).toEqual([
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  // validation.go ValidatePortNumOrName
  it("takes targetPort as a port number or an IANA_SVC_NAME", () => {
    expect(errorsOf({ ports: [{ port: 80, targetPort: "http-web" }] })).toEqual([]);
    expect(errorsOf({ ports: [{ port: 80, targetPort: "Web_Port" }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(errorsOf({ ports: [{ port: 80, targetPort: 0x10000 }] })[0]).toContain(
      "must be between 1 and 65535",
    );
  });

  // validation.go ValidateService: duplicate (protocol, port) pairs
  it("refuses the same port and protocol twice", () => {
    expect(
      errorsOf({
        ports: [
          { port: 80, name: "a" },
          { port: 80, name: "b" },
        ],
      }),
    ).toEqual(['spec.ports[1]: Duplicate value: {"port":80,"protocol":"TCP"}']);
    expect(
      errorsOf({
        ports: [
          { port: 53, name: "a" },
          { port: 53, name: "b", protocol: "UDP" },
        ],
      }),
    ).toEqual([]);
  });

  // validation.go ValidateService: supportedServiceType
  it("knows the four Service types", () => {
    expect(errorsOf({ type: "Ingress" })).toEqual([
      'spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  // validation.go ValidateService: a headless NodePort or LoadBalancer is reported at
  // specPath.Child("clusterIPs").Index(0), clusterIPs being what normalizeClusterIPs copied from clusterIP.
  it("allows clusterIP: None only with type ClusterIP, reported at spec.clusterIPs[0] as the API server does", () => {
    expect(errorsOf({ clusterIP: "None" })).toEqual([]);
    expect(errorsOf({ clusterIP: "None", type: "NodePort" })).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    ]);
    expect(errorsOf({ clusterIP: "None", type: "LoadBalancer" })).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
    ]);
  });

  // validation.go ValidateServiceClusterIPsRelatedFields: each of clusterIPs must be an IP
  // (validation.IsValidIP on clusterIPsField.Index(i)); a clusterIP alone was copied there.
  it("refuses a clusterIP that is not an IP address at spec.clusterIPs[0]", () => {
    expect(errorsOf({ clusterIP: "auto" })).toEqual([
      `spec.clusterIPs[0]: Invalid value: "auto": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
    ]);
  });

  // registry/core/service/storage normalizeClusterIPs: "we don't init singular based on plural", so
  // ValidateServiceClusterIPsRelatedFields refuses clusterIPs without clusterIP, and a first value that
  // differs; the list printed as field.Error prints a []string (%#v).
  it("checks clusterIPs against clusterIP as the API server does", () => {
    expect(errorsOf({ clusterIPs: ["10.96.0.77"] })).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.77"}: must be empty when `clusterIP` is not specified',
    ]);
    expect(errorsOf({ clusterIP: "10.96.0.77", clusterIPs: ["10.96.0.78"] })).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.78"}: first value must match `clusterIP`',
    ]);
    expect(errorsOf({ clusterIP: "None", clusterIPs: ["None", "10.96.0.78"] })).toEqual([
      `spec.clusterIPs: Invalid value: []string{"None", "10.96.0.78"}: 'None' must be the first and only value`,
    ]);
    expect(errorsOf({ clusterIP: "10.96.0.77", clusterIPs: ["10.96.0.77", "10.96.0.300"] })).toEqual([
      'spec.clusterIPs[1]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it("marks a clusterIP-only error on the clusterIP line the learner wrote, and clusterIPs' own on theirs", () => {
    const text = [
      "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  clusterIP: auto\n  ports: [{port: 80}]",
      "apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  ports: [{port: 80}]\n  clusterIPs:\n  - 10.96.0.300",
    ].join("\n---\n");
    const loaded = loadManifests([{ name: "s.yaml", text }]);
    const at = loaded.diagnostics.map((d) => `${d.line} ${d.path}`);
    expect(at).toEqual(["5 spec.clusterIPs[0]", "13 spec.clusterIPs", "14 spec.clusterIPs[0]"]);
  });

  // validation.go ValidateService: ExternalName needs a DNS externalName and no clusterIP
  it("requires a DNS-1123 externalName and no clusterIP for ExternalName", () => {
    const base = { type: "ExternalName", selector: null, ports: [] };
    expect(errorsOf(base)).toEqual(["spec.externalName: Required value"]);
    expect(errorsOf({ ...base, externalName: "My_DB" })[0]).toMatch(
      /^spec.externalName: Invalid value: "My_DB": a lowercase RFC 1123 subdomain/,
    );
    // validation.go ValidateService: ExternalName forbids spec.clusterIPs (normalized from clusterIP).
    expect(errorsOf({ ...base, externalName: "db.example.com.", clusterIP: "10.96.0.5" })).toEqual([
      "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
    ]);
  });

  it("warns that an ExternalName holding an IP address is treated as a DNS name", () => {
    expect(
      problems([service({ type: "ExternalName", externalName: "192.0.2.1", ports: [] })]),
    ).toContainEqual(
      expect.stringMatching(/^warning spec.externalName: an IP address here is published as a CNAME/),
    );
  });

  // validation.go ValidateService: nodePort forbidden for ClusterIP
  it("forbids nodePort on a ClusterIP Service", () => {
    expect(errorsOf({ ports: [{ port: 80, nodePort: 30080 }] })).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  // validation.go ValidateService: duplicate (protocol, nodePort) within a Service
  it("refuses the same nodePort twice for one protocol, and allows it across protocols", () => {
    const ports = (protocol: string) => [
      { name: "a", port: 53, nodePort: 30053 },
      { name: "b", port: 54, nodePort: 30053, protocol },
    ];
    expect(errorsOf({ type: "NodePort", ports: ports("TCP") })).toEqual([
      "spec.ports[1].nodePort: Duplicate value: 30053",
    ]);
    expect(errorsOf({ type: "NodePort", ports: ports("UDP") })).toEqual([]);
  });

  // validation.go validateServiceExternalTrafficPolicy
  it("allows externalTrafficPolicy only on externally-accessible Services", () => {
    expect(errorsOf({ externalTrafficPolicy: "Local" })).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(errorsOf({ type: "NodePort", externalTrafficPolicy: "Local" })).toEqual([]);
    expect(errorsOf({ externalTrafficPolicy: "Local", externalIPs: ["192.0.2.5"] })).toEqual([]);
    expect(errorsOf({ type: "LoadBalancer", externalTrafficPolicy: "Global" })).toEqual([
      'spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
    ]);
  });

  // validation.go validateServiceInternalTrafficPolicy
  it("knows internalTrafficPolicy Cluster and Local", () => {
    expect(errorsOf({ internalTrafficPolicy: "Node" })).toEqual([
      'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"',
    ]);
  });

  // validation.go ValidateService: supportedSessionAffinityType
  it("knows sessionAffinity None and ClientIP", () => {
    expect(errorsOf({ sessionAffinity: "Cookie" })).toEqual([
      'spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"',
    ]);
  });

  // validation.go validateClientIPAffinityConfig: 0 < timeoutSeconds <= 86400
  it("keeps the ClientIP affinity timeout within 1..86400 seconds", () => {
    const timeout = (t: number) => ({
      sessionAffinity: "ClientIP",
      sessionAffinityConfig: { clientIP: { timeoutSeconds: t } },
    });
    expect(errorsOf(timeout(86400))).toEqual([]);
    expect(errorsOf(timeout(0))).toEqual([
      "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400",
    ]);
    expect(errorsOf(timeout(86401))).toHaveLength(1);
  });

  // core/v1 defaults.go SetDefaults_Service drops sessionAffinityConfig when sessionAffinity is None
  it("warns that a timeout without ClientIP affinity is dropped", () => {
    expect(problems([service({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } })])).toEqual([
      "warning spec.sessionAffinityConfig: ignored and dropped: sessionAffinity is None",
    ]);
  });

  // validation.go ValidateService: externalIPs are valid, non-special IPs
  it("requires externalIPs to be usable IP addresses", () => {
    expect(errorsOf({ externalIPs: ["192.0.2.5", "no", "127.0.0.1", "169.254.1.1", "0.0.0.0"] })).toEqual([
      'spec.externalIPs[1]: Invalid value: "no": must be a valid IP address',
      'spec.externalIPs[2]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'spec.externalIPs[3]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'spec.externalIPs[4]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
    ]);
  });

  // validation.go ValidateService: allocateLoadBalancerNodePorts only for LoadBalancer
  it("allows allocateLoadBalancerNodePorts only on LoadBalancer Services", () => {
    expect(errorsOf({ type: "NodePort", allocateLoadBalancerNodePorts: false })).toEqual([
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  // validation.go ValidateService, "Validate SourceRanges field or annotation": the field's path keeps
  // its historical capital (specPath.Child("LoadBalancerSourceRanges")), values are trimmed first.
  it("allows loadBalancerSourceRanges only on LoadBalancer Services, as CIDRs, trimmed, at the API server's path", () => {
    expect(errorsOf({ loadBalancerSourceRanges: ["10.0.0.0/8"] })).toEqual([
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(
      errorsOf({ type: "LoadBalancer", loadBalancerSourceRanges: [" 10.0.0.0/8 ", "10.0.0.0"] }),
    ).toEqual([
      'spec.LoadBalancerSourceRanges[1]: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });

  // The same, for the annotation service.beta.kubernetes.io/load-balancer-source-ranges (comma-separated).
  it("checks the load-balancer-source-ranges annotation: Forbidden off a LoadBalancer, each value a CIDR", () => {
    const annotated = (type: string, value: string) => {
      const svc = service({ type }) as { metadata: Record<string, unknown> };
      svc.metadata.annotations = { "service.beta.kubernetes.io/load-balancer-source-ranges": value };
      return problems([svc]).filter((p) => !p.startsWith("warning"));
    };
    expect(annotated("LoadBalancer", " 10.0.0.0/8, 192.168.0.0/16 ")).toEqual([]);
    expect(annotated("NodePort", "10.0.0.0/8")).toEqual([
      "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(annotated("LoadBalancer", "10.0.0.0/8,nope")).toEqual([
      'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });

  // validation.go validateServiceExternalTrafficPolicy: healthCheckNodePort is a port number
  it("requires healthCheckNodePort to be a valid port", () => {
    expect(
      errorsOf({ type: "LoadBalancer", externalTrafficPolicy: "Local", healthCheckNodePort: 70000 }),
    ).toEqual(["spec.healthCheckNodePort: Invalid value: 70000: must be between 1 and 65535, inclusive"]);
  });

  // validation.go validateLoadBalancerClassField (ValidateQualifiedName) and ValidateService's Forbidden
  it("requires loadBalancerClass to be a qualified name, on a LoadBalancer only", () => {
    expect(errorsOf({ type: "LoadBalancer", loadBalancerClass: "example.com/internal" })).toEqual([]);
    expect(errorsOf({ loadBalancerClass: "example.com/internal" })).toEqual([
      "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(errorsOf({ type: "LoadBalancer", loadBalancerClass: "Bad Class" })[0]).toMatch(
      /^spec.loadBalancerClass: Invalid value: "Bad Class": name part must consist of/,
    );
  });

  // validation.go validateServiceTrafficDistribution; warnings.go: PreferClose is deprecated
  it("accepts the trafficDistribution values Kubernetes knows, warning on the deprecated PreferClose", () => {
    expect(errorsOf({ trafficDistribution: "PreferSameZone" })).toEqual([]);
    expect(errorsOf({ trafficDistribution: "Nearest" })).toEqual([
      'spec.trafficDistribution: Unsupported value: "Nearest": supported values: "PreferClose", "PreferSameNode", "PreferSameZone"',
    ]);
    expect(problems([service({ trafficDistribution: "PreferClose" })])).toEqual([
      'warning spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"',
    ]);
  });

  // validation.go validateIPFamilies on a single-stack IPv4 cluster
  it("refuses IPv6 and RequireDualStack on the single-stack IPv4 cluster", () => {
    expect(errorsOf({ ipFamilies: ["IPv6"] })).toEqual([
      'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    ]);
    expect(errorsOf({ ipFamilyPolicy: "RequireDualStack" })).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
  });

  // meta/v1/validation ValidateLabels on spec.selector
  it("validates the selector as labels", () => {
    expect(errorsOf({ selector: { "-app": "web" } })[0]).toMatch(
      /^spec.selector: Invalid value: "-app": name part must consist/,
    );
  });

  it("reports a field of the wrong type as the API server's decoder would refuse it", () => {
    expect(errorsOf({ ports: [{ port: "80" }] })).toEqual([
      'spec.ports[0].port: Invalid value: "80": must be an integer, not a string',
    ]);
    expect(errorsOf({ ports: "80" })).toEqual([
      'spec.ports: Invalid value: "80": must be a list, not a string',
      "spec.ports: Required value",
    ]);
  });
});

describe("spec.externalIPs deprecation", () => {
  // KEP-5707: deprecated in Kubernetes 1.36; the API server accepts the field with "Warning: spec.externalIPs is deprecated".
  it("accepts externalIPs with the API server's deprecation warning", () => {
    const found = problems([service({ externalIPs: ["192.168.0.100"] })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^warning spec\.externalIPs: deprecated since Kubernetes 1\.36 \(KEP-5707\)/);
    expect(found[0]).toContain('"Warning: spec.externalIPs is deprecated"');
  });
});
