import type { Lesson, LessonCommand } from "../types.ts";
import failover from "./failover.yaml?raw";
import localFailover from "./solution/failover.yaml?raw";

const nodePortClient = {
  from: "client/external",
  to: { nodeIPOf: "node/node-2" },
  port: { nodePortOf: "svc/default/web-nodeport" },
} as const;
const externalIPClient = {
  from: "client/external",
  to: { externalIPOf: "svc/default/web-external" },
} as const;
const lbClient = { from: "client/external", to: { loadBalancerIPOf: "svc/default/web-lb" } } as const;
const node2Fails = { action: "fail-node", target: "node/node-2" } as const;

const addStreams: LessonCommand[] = [
  {
    id: "addStream",
    name: "nodeport",
    from: "external",
    to: "http://{nodeIP:node/node-2}:{nodePort:svc/default/web-nodeport}/",
    rate: 10,
  },
  { id: "addStream", name: "external-ip", from: "external", to: "http://192.168.0.12:8080/", rate: 10 },
  {
    id: "addStream",
    name: "lb",
    from: "external",
    to: "http://{loadBalancerIP:svc/default/web-lb}/",
    rate: 10,
  },
];

export const failoverLesson: Lesson = {
  id: "12-failover",
  manifests: [{ name: "failover.yaml", text: failover }],
  steps: [
    {
      id: "streams",
      goal: {
        kind: "allOf",
        goals: [nodePortClient, externalIPClient, lbClient].map((client) => ({
          kind: "stream" as const,
          ...client,
          windows: [{ from: 0, to: 5, all: "delivered" as const }],
        })),
      },
      solution: addStreams,
    },
    {
      id: "fail",
      goal: {
        kind: "allOf",
        goals: [
          // Aimed at one node, these clients have nowhere else to go: lost until the node returns.
          {
            kind: "stream",
            ...nodePortClient,
            after: node2Fails,
            windows: [{ from: 0, to: 60, all: "timeout" }],
          },
          {
            kind: "stream",
            ...externalIPClient,
            after: node2Fails,
            windows: [{ from: 0, to: 60, all: "timeout" }],
          },
          // The load balancer's client loses some at first, none once the control plane has reacted.
          {
            kind: "stream",
            ...lbClient,
            after: node2Fails,
            windows: [
              { from: 0, to: 5, some: "timeout" },
              // NotReady 50 s after the failure (node-monitor-grace-period since 1.32), resync 1 s later.
              { from: 55, to: 70, all: "delivered" },
            ],
          },
        ],
      },
      solution: [{ id: "scenarioEvent", at: 10, action: "fail-node", node: "node/node-2" }],
    },
    {
      id: "local",
      goal: {
        kind: "allOf",
        goals: [
          { kind: "serviceExists", ref: "svc/default/web-lb", externalTrafficPolicy: "Local" },
          {
            kind: "stream",
            ...lbClient,
            after: node2Fails,
            // At most the detection window: three checks 8 s apart, each failing after 1 s.
            windows: [
              { from: 0, to: 5, some: "timeout" },
              { from: 25, to: 60, all: "delivered" },
            ],
          },
        ],
      },
      solution: [{ id: "editManifests", files: [{ name: "failover.yaml", text: localFailover }] }],
    },
    {
      id: "faster",
      goal: {
        kind: "stream",
        ...lbClient,
        after: node2Fails,
        windows: [
          { from: 0, to: 3, some: "timeout" },
          { from: 8, to: 60, all: "delivered" },
        ],
      },
      solution: [{ id: "simulationSetting", path: "loadBalancerHealthCheck.interval", value: 2 }],
    },
  ],
  tryIt: [
    "kubectl apply -f failover.yaml",
    "kubectl get nodes --watch",
    "kubectl get endpointslices -l kubernetes.io/service-name=web-lb --watch",
    "kubectl get events --field-selector involvedObject.kind=Node --watch",
    "kubectl get service web-lb -o jsonpath='{.spec.healthCheckNodePort}'",
    "gcloud compute health-checks list",
  ],
};
