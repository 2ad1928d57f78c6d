import type { Dictionary } from "../types.ts";

/** The live picture: the graph's legend, load balancer pools, consulted Service rules. */
export const live = {
  "legend.label": "Legend",
  "legend.request": "request on its way",
  "legend.dns": "DNS lookup on its way",
  "legend.delivered": "delivered",
  "legend.failed": "failed (timeout, refused…)",
  "legend.route": "a route a request may take",
  "legend.endpoint": "a Service's ready endpoint, in that Service's colour (hover a Service to light them)",
  "legend.cname": "an ExternalName Service's CNAME target",
  "legend.pool": "a load balancer's node, in its pool",
  "legend.removed": "endpoint removed, or node ejected",
  "legend.taken": "path packets took (number: how many)",
  "legend.consulted": "Service lit: its rules were consulted on the node, no packet stops in it",
  "graph.ejected": "ejected",
  "graph.ejectedAt": "ejected at {clock}",
  "service.consulted": "rules consulted on {nodes}",
} satisfies Dictionary;
