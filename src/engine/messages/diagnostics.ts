/**
 * English templates of manifest diagnostics (`Diagnostic.text`), keyed by code: the API server's
 * own wording where it has one (k8s.io/apimachinery/pkg/util/validation/field errors.go and the
 * validation.go of each kind), the simulator's where it explains what it does or does not model.
 */
export const diagnosticTexts = {
  // field.Error shapes (errors.go ErrorType strings).
  "field.required": "Required value",
  "field.requiredDetail": "Required value: {detail}",
  "field.invalid": "Invalid value: {value}: {detail}",
  "field.notSupported": "Unsupported value: {value}: supported values: {supported}",
  "field.duplicate": "Duplicate value: {value}",
  "field.duplicateDetail": "Duplicate value: {value}: {detail}",
  "field.forbidden": "Forbidden: {detail}",
  "field.tooMany": "Too many: {actual}: must have at most {max} items",
  "field.unknown": 'unknown field "{field}"',
  "field.unknownDidYouMean": 'unknown field "{field}"; did you mean "{meant}"?',
  // Names and labels (apimachinery validation.go).
  "name.regex": "{rule} (regex used for validation is '{format}')",
  "name.regexExamples": "{rule} (e.g. {examples}regex used for validation is '{format}')",
  "name.example": "'{example}', ",
  "name.maxLength": "must be no more than {length} characters",
  "name.rule.dns1123Label":
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  "name.rule.dns1123Subdomain":
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  "name.rule.dns1035Label":
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  "name.rule.wildcardSubdomain":
    "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
  "name.rule.qualifiedName":
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  "name.rule.labelValue":
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  "name.rule.configMapKey": "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
  "name.rule.path": "Invalid path",
  "name.prefixEmpty": "prefix part must be non-empty",
  "name.prefixPart": "prefix part {detail}",
  "name.namePartEmpty": "name part must be non-empty",
  "name.namePart": "name part {detail}",
  "name.qualifiedName":
    "a qualified name {detail} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  "name.port.characters": "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
  "name.port.letter": "must contain at least one letter (a-z)",
  "name.port.consecutiveHyphens": "must not contain consecutive hyphens",
  "name.port.edgeHyphen": "must not begin or end with a hyphen",
  "name.port.range": "must be between 1 and 65535, inclusive",
  "name.notDot": "must not be '.'",
  "name.notDotDot": "must not be '..'",
  "name.notStartDotDot": "must not start with '..'",
  "name.domainPrefixedPath": 'must be a domain-prefixed path (such as "acme.io/foo")',
  "name.empty": "must not be empty",
  "name.twoSegments": "should be a domain with at least two segments separated by dots",
  // The problems list.
  "diagnostics.moreNotShown": "{count} more problems not shown (at most {max} are reported at once)",
  // IP addresses (validation.go ValidateNonSpecialIP)
  "ip.invalid": "must be a valid IP address",
  "ip.unspecified": "may not be unspecified ({ip})",
  "ip.loopback": "may not be in the loopback range (127.0.0.0/8, ::1/128)",
  "ip.isValidIP": "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
  "ip.linkLocal": "may not be in the link-local range (169.254.0.0/16, fe80::/10)",
  "ip.linkLocalMulticast": "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)",
  // Services (validation.go ValidateService)
  "service.externalIPsDeprecated":
    'deprecated since Kubernetes 1.36 (KEP-5707): the API server accepts it with "Warning: spec.externalIPs is deprecated", as kubectl prints it; anyone who can create a Service can claim any address with it (CVE-2020-8554). Prefer type LoadBalancer',
  "service.clusterIPNone": "may not be set to 'None' for {type} services",
  "service.clusterIPsMatch": "first value must match `clusterIP`",
  "service.clusterIPsWithoutClusterIP": "must be empty when `clusterIP` is not specified",
  "service.clusterIPsNoneOnly": "'None' must be the first and only value",
  "service.clusterIPsTooMany": "may only hold up to 2 values",
  "service.loadBalancerIPIgnored": "ignored: only a Service of type LoadBalancer gets a load balancer",
  "service.onlyLoadBalancer": "may only be used when `type` is 'LoadBalancer'",
  "service.cidrInvalid": "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
  "service.preferCloseDeprecated": '"PreferClose" is deprecated; use "PreferSameZone"',
  "service.externalNameNoClusterIP": "may not be set for ExternalName services",
  "service.externalNameIP":
    "an IP address here is published as a CNAME to a host named like the address, which will not resolve: use a Service without a selector and an EndpointSlice instead",
  "service.nodePortClusterIP": "may not be used when `type` is 'ClusterIP'",
  "service.whenClientIP": "when session affinity type is ClientIP",
  "service.affinityTimeout": "must be greater than 0 and less than {max}",
  "service.affinityConfigForbidden": "must not be set when session affinity is {affinity}",
  "service.etpExternalOnly": "may only be set for externally-accessible services",
  "service.healthCheckNodePortLocal":
    "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
  "service.externalNameNoIPFamily": "must not be set for ExternalName services",
  "service.noDualStack": "this cluster is not configured for dual-stack services",
  "service.noIPv6": "not configured on this cluster",
  "service.tooManyFamilies": "may not have more than 2 families",
  // Pods (validation.go ValidatePodSpec, pod/warnings.go)
  "pod.duplicatePortName":
    'duplicate port name "{name}" with {first}, services and probes that select ports by name will use {first}',
  "pod.hostPortMatch": "must match `containerPort` when `hostNetwork` is true",
  // Workloads (apps/validation)
  "workload.replicasNegative": "must be greater than or equal to 0",
  "workload.emptySelector": "empty selector is invalid for {kind}",
  "workload.selectorMismatch": "`selector` does not match template `labels`",
  "workload.recreateRollingUpdate": "may not be specified when strategy `type` is 'Recreate'",
  // Label selectors (metav1 validation)
  "selector.operator": "not a valid selector operator",
  "selector.valuesRequired": "must be specified when `operator` is 'In' or 'NotIn'",
  "selector.valuesForbidden": "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
  // Nodes and Secrets (validation.go)
  "core.cidrInvalid": "must be a valid CIDR",
  "core.base64": "must be base64-encoded (use stringData for plain text)",
  // Object metadata (ValidateObjectMeta)
  "meta.annotationsTooLong": "Too long: must have at most {max} bytes",
  // Endpoints and EndpointSlices (validation.go, discovery/validation)
  "endpoints.addressesRequired": "must specify `addresses` or `notReadyAddresses`",
  "endpoints.atLeastOneAddress": "must contain at least 1 address",
  "endpoints.noServiceName":
    "no kubernetes.io/service-name label: no Service will use this EndpointSlice (kube-proxy and CoreDNS select slices by that label)",
  "endpoints.addressOfType": "must be a valid {addressType} address",
  // Ingresses (networking/validation)
  "ingress.backendOrRules": "either `defaultBackend` or `rules` must be specified",
  "ingress.classAnnotation": "must match `ingressClassName` when both are specified",
  "ingress.hostIP": "must be a DNS name, not an IP address",
  "ingress.pathType": "pathType must be specified",
  "ingress.absolutePath": "must be an absolute path",
  "ingress.pathSequence": "must not contain '{sequence}'",
  "ingress.pathSuffix": "cannot end with '{suffix}'",
  "ingress.bothBackends": "cannot set both resource and service backends",
  "ingress.backendRequired": "resource or service backend is required",
  "ingress.bothPorts": "cannot set both port name & port number",
  "ingress.portRequired": "port name or number is required",
  "ingress.controllerTooLong": "Too long: may not be more than 250 bytes",
  // Across objects (apply order, allocators, references)
  "cross.alreadyDefined":
    "{kind} {object} is already defined at {at}; applying both would leave only the last one",
  "cross.clusterIPRange":
    "failed to allocate IP {ip}: provided IP is not in the valid range. The range of valid IPs is {cidr}",
  "cross.clusterIPTaken": "failed to allocate IP {ip}: provided IP is already allocated (to {owner})",
  "cross.nodePortRange": "provided port is not in the valid range. The range of valid ports is {min}-{max}",
  "cross.nodePortTaken": "provided port is already allocated (to {owner})",
  "cross.namespaceUndefined":
    'namespace "{namespace}" is not defined by any Namespace here: a real cluster refuses objects in it (namespaces "{namespace}" not found) until it exists; the simulator assumes it does',
  "cross.statefulSetNoService": "no Service {service}: the pods get no per-pod DNS names",
  "cross.statefulSetNotHeadless":
    "Service {service} is not headless (clusterIP: None): the pods get no per-pod DNS names",
  "cross.ingressNoService": "no Service {service}: the ingress controller answers 503 for this backend",
  // Node ports (storage/alloc.go)
  "nodePort.rangeFull": "Internal error occurred: failed to allocate a nodePort: range is full",
  // Value types (the API server decoding JSON into Go structs)
  "type.wrong": "must be {expected}, not {actual}",
  "type.stringUnquoted":
    "must be a string, not {actual} (YAML reads an unquoted yes/no/on/off/true/false or number that way: put the value in quotes)",
  "type.list": "a list",
  "type.null": "null",
  "type.mapping": "a mapping",
  "type.integer": "an integer",
  "type.number": "a number",
  "type.string": "a string",
  "type.boolean": "a boolean",
  "type.other": "a {type}",
  "type.booleanTrueFalse": "a boolean (true or false)",
  "type.integerOrString": "an integer or a string",
  // Gateway API (the CRDs' OpenAPI and CEL rules)
  "gateway.tooLong253": "may not be longer than 253",
  "gateway.pattern": "should match '{pattern}'",
  "gateway.portRange": "should be in the range 1 to 65535",
  "gateway.listenerRequired": "a Gateway needs at least 1 listener",
  "gateway.listenerNameUnique": "Listener name must be unique within the Gateway",
  "gateway.tlsForbidden": "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
  "gateway.tlsRequired": "tls must be specified for protocols ['HTTPS']",
  "gateway.hostnameForbidden": "hostname must not be specified for protocols ['TCP', 'UDP']",
  "gateway.listenerUnique": "Combination of port, protocol and hostname must be unique for each listener",
  "gateway.selectorRequired": "selector must be specified when from is set to 'Selector'",
  "gateway.tlsTerminate": "tls mode must be Terminate for protocol HTTPS",
  "gateway.certificateRefs": "certificateRefs or options must be specified when mode is Terminate",
  "gateway.regex": "not a regular expression the simulated proxy can read",
  "gateway.path.absolute":
    "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
  "gateway.path.contains": "must not contain '{text}' when type one of ['Exact', 'PathPrefix']",
  "gateway.path.endsWith": "must not end with '{text}' when type one of ['Exact', 'PathPrefix']",
  "gateway.path.characters":
    "must only contain valid characters (matching {pattern}) for types ['Exact', 'PathPrefix']",
  "gateway.replaceFullPath": "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
  "gateway.replacePrefixMatch":
    "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
  "gateway.filterConfig": "filter.{field} must be specified for {type} filter.type",
  "gateway.replacePrefixOneMatch":
    "When using {type} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
  "gateway.redirectAndRewrite":
    "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both",
  "gateway.filterRepeated": "{type} filter cannot be repeated",
  "gateway.backendPort": "Must have port for Service reference",
  "gateway.weightRange": "should be in the range 0 to 1000000",
  "gateway.grpcMethodRequired": "One or both of 'service' or 'method' must be specified",
  "gateway.grpcService": "service must only contain valid characters (matching {pattern})",
  "gateway.grpcMethod": "method must only contain valid characters (matching {pattern})",
  // Kinds (meta.NoKindMatchError) and what the simulator models
  "kind.otherVersion":
    "not simulated: {kind} in {apiVersion} is kept but has no effect; the simulator models {kind} in {known}",
  "kind.notSimulated":
    "not simulated: {kind} ({apiVersion}) is kept but has no effect; the simulator models {kinds}",
  "kind.otherGroup":
    'no matches for kind "{kind}" in version "{apiVersion}"; {kind} is served as apiVersion "{served}"',
  "kind.didYouMean": 'no matches for kind "{kind}" in version "{apiVersion}"; did you mean "{meant}"?',
  "kind.noMatch": 'no matches for kind "{kind}" in version "{apiVersion}"',
  // The simulator's own limits (cluster/limits.ts)
  "limits.note": "a limit of this simulator, not of Kubernetes",
  "limits.workloadReplicas":
    "Invalid value: {asked}: the simulator runs at most {max} pods per workload ({note}): lower spec.replicas",
  "limits.pods":
    "with this {kind} the manifests ask for more than {max} pods, which the simulator runs at most in total ({note}): lower the replicas or remove objects",
  "limits.count": "{count} {kind} in the manifests; the simulator holds at most {max} ({note}): remove some",
  "limits.servicePorts":
    "the Services have more than {max} ports in total, which the simulator holds at most ({note}): remove some",
  "limits.endpoints":
    "with this Service the Services select more than {max} pods in total (their endpoints), which the simulator holds at most ({note}): select fewer pods",
  // Scenarios (svclab.dev/v1, the simulator's own kind)
  "scenario.duration": "must be a duration such as 40s, 2m or 1m30s",
  "scenario.positive": "must be greater than zero",
  "scenario.wholeNumberAtLeast": "must be a whole number at least {min}",
  "scenario.wholeNumberRange": "must be a whole number from {min} to {max}",
  "type.wrongString": "must be a string",
  "type.mustBeMapping": "must be a mapping",
  "type.mustBeList": "must be a list",
  "scenario.timeoutInterval": "must be less than or equal to the interval ({interval}s)",
  "scenario.streamShape": "must be a mapping with name, from, to and rate",
  "scenario.streamName": "every stream needs a name",
  "scenario.streamFrom": "external, node/NAME or pod/NAMESPACE/NAME",
  "scenario.streamTo": "a URL (http://host[:port]/path) or host:port",
  "scenario.rateRequired": "requests per second",
  "scenario.rate": "must be a number of requests per second, above 0 and at most 100000",
  "scenario.targetShape": "{shape}",
  "scenario.targetMustBe": "must be {shape}",
  "scenario.atBeforeEnd": "must be before the end of the scenario (spec.duration {duration}s)",
  "scenario.actions": "{actions}",
  "scenario.trueOrFalse": "true or false",
  "scenario.mustBeTrueOrFalse": "must be true or false",
  "scenario.eventShape": "must be a mapping with at, action and target",
  "scenario.specRequired": "a Scenario needs spec.duration",
  "scenario.maxDuration": "must be at most {hours}h",
  "scenario.tooManyRequests":
    "the streams would send more than {max} requests in spec.duration: lower the rates or the duration",
  "scenario.none":
    "no Scenario in the file: write one document with apiVersion: {apiVersion} and kind: {kind}",
  "scenario.oneDocument": "a scenario file holds one Scenario document: move this one to a file of its own",
  "scenario.scaledPods":
    "after this scale the cluster would run {total} pods; the simulator runs at most {max} pods in total ({note})",
  "scenario.noNode": "not found: nodes: {nodes}",
  "scenario.noPod": "not found: only pods that exist at the start can be targets (see svclab get pods)",
  "scenario.noWorkload": "not found: no such workload in the manifests",
  "scenario.request": "{detail}",
  // Gateway API controller (status conditions as the controller writes them)
  "cluster.notServed": "{object} is not served: {why}",
  "gateway.listenerCondition": "listener {listener}: {type} False ({reason}): {detail}",
  "gateway.routeUnowned": "{route}: {why}",
  "gateway.routeCondition": "{route} on {gateway}: {type} False ({reason}): {detail}",
  "gateway.invalidBackend": "{route}: {reason}: {detail}; requests sent to it get 500",
  // Why no controller serves an Ingress or a Gateway (cluster/ingressClasses.ts, gateway/controller.ts)
  "ingress.why.noClass":
    "it names no class and no IngressClass is marked as the default: no controller serves it",
  "ingress.why.missingClass": 'no IngressClass "{name}" exists: no controller serves it',
  "ingress.why.otherController":
    'IngressClass "{name}" names controller {controller}, which does not run in this simulated cluster (it runs {nginx} and {gce})',
  "gateway.why.missingClass": 'no GatewayClass "{name}" exists: no controller serves it',
  "gateway.why.otherController":
    'GatewayClass "{name}" names controller {controller}, which does not run in this simulated cluster (it runs {ours})',
  "gateway.why.parentNotGateway": "parent {kind} is not a Gateway: the simulator attaches routes to Gateways",
  "gateway.why.noGateway": "Gateway {gateway} does not exist: nothing serves this route there",
  "gateway.why.gatewayNotServed": "Gateway {gateway} is not served: {why}",
  // Gateway API status conditions' messages, as the simulated Envoy Gateway writes them (gateway/controller.ts)
  "gateway.status.pending": "Waiting for controller",
  "gateway.status.classAccepted": "Valid GatewayClass",
  "gateway.status.gatewayAccepted": "The Gateway has been scheduled by Envoy Gateway",
  "gateway.status.listenersNotValid": "{invalid} of {total} listener(s) are invalid",
  "gateway.status.programmed": "Address assigned to the Gateway, 1/1 envoy replicas available",
  "gateway.status.addressNotAssigned": "No addresses have been assigned to the Gateway",
  "gateway.status.listenerAccepted": "Listener is accepted",
  "gateway.status.unsupportedProtocol":
    "protocol {protocol} is not modelled: the simulated Envoy Gateway serves HTTP, HTTPS and TLS listeners",
  "gateway.status.protocolConflict": "listener {listener} uses port {port} with protocol {protocol}",
  "gateway.status.listenerResolvedRefs": "Resolved all the Object references",
  "gateway.status.invalidRouteKinds": "allowedRoutes.kinds lists no kind this listener supports ({kinds})",
  "gateway.status.noCertificateRefs":
    "no certificateRefs: an {protocol} listener that terminates TLS needs a certificate",
  "gateway.status.certificateNotSecret":
    "certificateRefs[0] is a {kind}: only core Secrets hold certificates",
  "gateway.status.secretNotPermitted":
    "Secret {secret} is in another namespace and no ReferenceGrant there allows Gateways from {namespace}",
  "gateway.status.secretMissing": "Secret {secret} does not exist",
  "gateway.status.listenerProgrammed": "Sending translated listener configuration to the data plane",
  "gateway.status.listenerInvalid": "Listener is invalid, see other Conditions for details.",
  "gateway.status.portConflict": "port {port} is used with another protocol",
  "gateway.status.noConflicts": "No conflicts",
  "gateway.status.noListener": "Gateway {gateway} has no listener",
  "gateway.status.noListenerNamed": "Gateway {gateway} has no listener named {section}",
  "gateway.status.noListenerOnPort": "Gateway {gateway} has no listener on port {port}",
  "gateway.status.noListenerNamedOnPort": "Gateway {gateway} has no listener named {section} on port {port}",
  "gateway.status.noTlsListener": "no listener of {gateway} selected by this parentRef has protocol TLS",
  "gateway.status.notAllowedByListeners":
    "no listener of {gateway} allows {kind}s from namespace {namespace} (allowedRoutes)",
  "gateway.status.conflicted":
    "{kind} {route} already serves an intersecting hostname on this listener; HTTPRoutes and GRPCRoutes may not share a hostname",
  "gateway.status.noMatchingListenerHostname": "no hostname of the route intersects a listener's hostname",
  "gateway.status.routeAccepted": "Route is accepted",
  "gateway.status.routeResolvedRefs": "Resolved all the Object references for the Route",
  "gateway.status.invalidKind": "{kind} is not a supported backend kind (Service)",
  "gateway.status.serviceNotPermitted":
    "Service {service} is in another namespace and no ReferenceGrant there allows {kind}s from {namespace}",
  "gateway.status.serviceNotFound": "Service {service} not found",
  // Ingress controllers
  "ingress.gceNoService": 'ingress-gce: service "{service}" not found',
  "ingress.gceServiceType":
    'ingress-gce: service "{service}" is type "{type}", expected "NodePort" or "LoadBalancer"',
  // Endpoints mirroring (endpointslicemirroring controller)
  "mirroring.noService": "not mirrored to an EndpointSlice: no Service {service}",
  "mirroring.hasSelector":
    "not mirrored to an EndpointSlice: {service} has a selector, so the EndpointSlice controller writes its endpoints",
  // Namespaces
  "namespace.undeclared":
    'namespace "{namespace}" is not declared: a real API server would reject this object until a Namespace "{namespace}" exists; the simulator creates it',
  // Service allocators
  "service.cidrFull": "{service}: the Service CIDR {cidr} is full",
  "service.lbAddressesFull": "{service}: no load-balancer address left in {cidr}",
  // EndpointSlices written in the manifests
  "endpointSlice.noServiceName": "{slice} has no {label} label, so no Service (and no kube-proxy) uses it",
  // Pods (the scheduler and the CNI)
  "cluster.pod.pending": "{pod} stays Pending: {reason}",
  // Defaulting (registry strategies)
  "defaults.notNamespaced": "ignored: {kind} is not namespaced",
  // Service defaults
  "defaults.affinityConfigDropped": "ignored and dropped: sessionAffinity is None",
  // Files and documents
  "file.tooLong":
    "file is {length} characters long; the limit is {max} ({mib} MiB) per file: split it into smaller files",
  "file.tooMuch":
    "the files given together exceed {max} characters ({mib} MiB, the limit): load fewer at once",
  "file.listItems": "items: a List needs an `items` list",
  "file.notMappingList": "a manifest must be a mapping with apiVersion, kind and metadata, not a list",
  "file.notMapping":
    "a manifest must be a mapping with apiVersion, kind and metadata, not the {type} {value}",
  "file.apiVersionRequired": 'every object needs an apiVersion, e.g. "v1" or "apps/v1"',
  "file.kindRequired": 'every object needs a kind, e.g. "Service"',
  "file.metadataRequired": "every object needs metadata with a name",
  "file.nameRequired": "name is required",
  // Requests that cannot be sent (network/source.ts, network/target.ts, the session)
  "request.scheme": '"{to}": only http:// and https:// URLs, or host:port, can be sent',
  "request.target": '"{to}": write a URL (http://host[:port]/path) or host:port',
  "request.host": '"{to}": "{host}" is not a host name or IPv4 address',
  "request.noPort": '"{to}": give a port (host:port) or a URL (http://host/)',
  "request.port": '"{to}": port "{port}" is not a number from 1 to 65535',
  "request.noNode": "{from}: no such node (nodes: {nodes})",
  "request.noPod": "{from}: no such pod (write pod/NAMESPACE/NAME, as svclab get pods shows)",
  "request.podPending": "{from} is Pending: it has no IP to send from",
  "request.podPendingBecause": "{from} is Pending ({reason}): it has no IP to send from",
  "request.source": '"{from}": send from external, node/NAME or pod/NAMESPACE/NAME',
  "request.noAnswer": "{name}: the query got no answer ({outcome})",
  "request.noCluster": "There is no cluster yet: fix the manifests first.",
  // YAML
  "yaml.syntax": "YAML syntax error: {reason}",
  "yaml.reason.mappingIndent": "bad indentation of a mapping entry",
  "yaml.reason.sequenceIndent": "bad indentation of a sequence entry",
  "yaml.reason.tabIndent": "tab characters must not be used in indentation",
  "yaml.reason.duplicateKey": "duplicated mapping key",
  "yaml.reason.endExpected": "end of the stream or a document separator is expected",
  "yaml.reason.multilineKey":
    "can not read a block mapping entry; a multiline key may not be an implicit key",
  "yaml.reason.spaceAfterColon":
    "a whitespace character is expected after the key-value separator within a block mapping",
  "yaml.reason.deficientIndent": "deficient indentation",
  "yaml.reason.missedComma": "missed comma between flow collection entries",
  "yaml.reason.unclosedFlow": "unexpected end of the stream within a flow collection",
  "yaml.reason.unclosedDouble": "unexpected end of the stream within a double quoted scalar",
  "yaml.reason.unclosedSingle": "unexpected end of the stream within a single quoted scalar",
  "yaml.reason.unclosedDoubleInDocument": "unexpected end of the document within a double quoted scalar",
  "yaml.reason.unclosedSingleInDocument": "unexpected end of the document within a single quoted scalar",
  "yaml.reason.unknownEscape": "unknown escape sequence",
  "yaml.reason.lineBreak": "a line break is expected",
  "yaml.reason.nonPrintable": "the stream contains non-printable characters",
  "yaml.reason.unreadableDocument": "can not read a document",
  "yaml.reason.unexpectedComma": "expected the node content, but found ','",
  "yaml.reason.unknownAlias": 'unidentified alias "{name}"',
  "yaml.reason.other": "{reason}",
  "yaml.unreadable": "YAML could not be read: {reason}",
  "yaml.aliasNodes":
    'YAML aliases would copy more than {max} nodes into this document (the limit, which stops "billion laughs" alias bombs): write the repeated values out or use fewer aliases',
  "yaml.aliasDepth": "alias *{name} nests this document deeper than {max} levels (the limit)",
  // kube-proxy configuration (KubeProxyConfiguration)
  "kubeProxy.ipvsDeprecated":
    "The ipvs proxier is now deprecated and may be removed in a future release. Please use 'nftables' instead.",
  "kubeProxy.cannotDecode": "kube-proxy cannot decode its configuration: {reason}",
  "kubeProxy.kind": "kube-proxy reads only apiVersion: {apiVersion}, kind: KubeProxyConfiguration here",
  "kubeProxy.said": "kube-proxy: {detail}",
  "kubeProxy.badMode":
    "kube-proxy refuses to start: KubeProxyConfiguration.ProxyMode: Invalid value: {mode}: must be {modes} or blank (blank means the best-available proxy [currently iptables])",
} as const satisfies Record<string, string>;
