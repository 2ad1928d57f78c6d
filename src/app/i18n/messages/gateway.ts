import type { Dictionary } from "../types.ts";

/** Gateway API in the graph: GatewayClasses, Gateways with their listeners, HTTPRoutes; and the Gateway sample. */
export const gateway = {
  "gatewayClass.label": "GatewayClass {name}",
  "gatewayClass.accepted": "Accepted",
  "gatewayClass.notAccepted": "no controller",
  "gateway.label": "Gateway {name}",
  "gateway.programmed": "Programmed",
  "gateway.notProgrammed": "not programmed",
  "gateway.listener": "{name}: {protocol} {port}",
  "gateway.routes": "{count} route(s)",
  "httpRoute.label": "{kind} {name}",
  "httpRoute.anyHost": "any host",
  "httpRoute.notAttached": "not attached",
  "httpRoute.noBackend": "no backend",
  "gatewayApi.conditions": "Conditions",
  "gatewayApi.listener": "Listener {name} ({count} attached route(s))",
  "gatewayApi.parent": "Parent Gateway {name}",
  "gatewayApi.noParents":
    "No controller wrote a status: its parentRefs name no Gateway that Envoy Gateway serves.",
  "gatewayApi.type": "Type",
  "gatewayApi.status": "Status",
  "gatewayApi.reason": "Reason",
  "sample.gateway.title": "Gateway API: a 90/10 canary",
  "sample.gateway.description":
    "An HTTPRoute on an Envoy Gateway sends 90% of shop.example.com to web-v1 and 10% to web-v2; the header env: canary always reaches web-v2. Send 20 and count.",
  "sample.zones.title": "Zones: staying in the client's zone",
  "sample.zones.description":
    "Three nodes in two zones. From the client pod in us-east-1a, api (trafficDistribution: PreferSameZone) answers from us-east-1a only; api-any crosses to us-east-1b about one time in three; api-auto asks for topology-aware hints (topology-mode: Auto).",
} satisfies Dictionary;
