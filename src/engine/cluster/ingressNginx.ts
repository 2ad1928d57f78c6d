import type { KubeObject, SourcedObject } from "../manifests/types.ts";
import { deploymentRef, svcRef } from "../refs.ts";
import { NGINX_CONTROLLER, readIngressClasses } from "./ingressClasses.ts";

/** The "file" the controller's objects come from: ingress-nginx's install manifest, not the learner's. */
export const INGRESS_NGINX_FILE = "(installed with ingress-nginx)";
export const INGRESS_NGINX_NAMESPACE = "ingress-nginx";
export const INGRESS_NGINX_NAME = "ingress-nginx-controller";
/** `svc/ingress-nginx/ingress-nginx-controller`: whose load-balancer address every nginx Ingress shows. */
export const INGRESS_NGINX_SERVICE_REF = svcRef(INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_NAME);
export const INGRESS_NGINX_DEPLOYMENT_REF = deploymentRef(INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_NAME);

const LABELS = {
  "app.kubernetes.io/component": "controller",
  "app.kubernetes.io/instance": "ingress-nginx",
  "app.kubernetes.io/name": "ingress-nginx",
};

function namespace(): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: INGRESS_NGINX_NAMESPACE,
      labels: { "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx" },
    },
  };
}

/**
 * deploy/static/provider/cloud/deploy.yaml: a LoadBalancer Service with externalTrafficPolicy
 * Local, so that the controller sees the client's address and can pass it on in X-Forwarded-For.
 */
function service(): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: INGRESS_NGINX_NAME, namespace: INGRESS_NGINX_NAMESPACE, labels: LABELS },
    spec: {
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      selector: LABELS,
      ports: [
        { name: "http", appProtocol: "http", port: 80, protocol: "TCP", targetPort: "http" },
        { name: "https", appProtocol: "https", port: 443, protocol: "TCP", targetPort: "https" },
      ],
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
    },
  };
}

/** ...and the controller's Deployment (one replica, as the install manifest has it). */
function deployment(): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: INGRESS_NGINX_NAME, namespace: INGRESS_NGINX_NAMESPACE, labels: LABELS },
    spec: {
      replicas: 1,
      selector: { matchLabels: LABELS },
      template: {
        metadata: { labels: LABELS },
        spec: {
          containers: [
            {
              name: "controller",
              image: "registry.k8s.io/ingress-nginx/controller:v1.11.3",
              args: [
                "/nginx-ingress-controller",
                "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller",
                "--election-id=ingress-nginx-leader",
                `--controller-class=${NGINX_CONTROLLER}`,
                "--ingress-class=nginx",
              ],
              ports: [
                { name: "http", containerPort: 80, protocol: "TCP" },
                { name: "https", containerPort: 443, protocol: "TCP" },
                { name: "webhook", containerPort: 8443, protocol: "TCP" },
              ],
            },
          ],
          nodeSelector: { "kubernetes.io/os": "linux" },
          serviceAccountName: "ingress-nginx",
          dnsPolicy: "ClusterFirst",
          restartPolicy: "Always",
        },
      },
    },
  };
}

function key(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

/**
 * The objects ingress-nginx's install creates, present when some IngressClass names its
 * controller: the `ingress-nginx` namespace, the controller's Deployment and its LoadBalancer
 * Service. Objects the manifests define themselves (same kind, namespace and name) win.
 */
export function ingressNginxObjects(user: readonly SourcedObject[]): SourcedObject[] {
  if (!readIngressClasses(user).some((c) => c.implementation === "nginx")) return [];
  const defined = new Set(user.map((o) => key(o.object)));
  return [namespace(), deployment(), service()]
    .filter((o) => !defined.has(key(o)))
    .map((object) => ({ object, file: INGRESS_NGINX_FILE, documentIndex: 0, positions: new Map() }));
}
