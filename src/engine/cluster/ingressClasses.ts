import type { SourcedObject } from "../manifests/types.ts";
import { type DiagnosticMessage, message } from "../messages/index.ts";
import { asRecord, asString } from "./fields.ts";

/** networking/v1 AnnotationIsDefaultIngressClass. */
export const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
/** The class annotation from before IngressClass (deprecated, still read by both controllers). */
export const LEGACY_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
/** IngressClass.spec.controller of ingress-nginx (internal/k8s IngressNGINXController). */
export const NGINX_CONTROLLER = "k8s.io/ingress-nginx";
/** IngressClass.spec.controller of GKE's ingress-gce. */
export const GCE_CONTROLLER = "k8s.io/ingress-gce";

/** The two controllers the simulator runs: an in-cluster proxy, or an L7 load balancer outside the cluster. */
export type IngressImplementation = "nginx" | "gce";

const IMPLEMENTATIONS: Record<string, IngressImplementation> = {
  [NGINX_CONTROLLER]: "nginx",
  [GCE_CONTROLLER]: "gce",
};

export interface IngressClassInfo {
  name: string;
  controller: string;
  implementation: IngressImplementation | undefined;
  isDefault: boolean;
  source: SourcedObject;
}

export function readIngressClasses(objects: readonly SourcedObject[]): IngressClassInfo[] {
  return objects
    .filter((o) => o.object.kind === "IngressClass" && o.object.apiVersion === "networking.k8s.io/v1")
    .map((source) => {
      const controller = asString(asRecord(source.object.spec).controller) ?? "";
      return {
        name: source.object.metadata.name,
        controller,
        implementation: IMPLEMENTATIONS[controller],
        isDefault: source.object.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === "true",
        source,
      };
    });
}

/**
 * admission/network/defaultingressclass getDefaultClass: the IngressClass annotated as the default;
 * with several, the newest, ties broken by name. The simulator creates every object at once, so
 * only the name decides among several defaults.
 */
export function defaultIngressClass(classes: readonly IngressClassInfo[]): IngressClassInfo | undefined {
  return classes.filter((c) => c.isDefault).sort((a, b) => (a.name < b.name ? -1 : 1))[0];
}

/** Who serves an Ingress, or why nobody does. `field` is the Ingress field that decided it. */
export type ClassResolution =
  | { served: true; ingressClass: IngressClassInfo; implementation: IngressImplementation; field: string }
  | { served: false; why: DiagnosticMessage; field: string };

/**
 * The controller of an Ingress, after the DefaultIngressClass admission plugin has set a missing
 * spec.ingressClassName: the deprecated annotation first (the KEP: "the annotation will take
 * priority"; the simulator reads its value as an IngressClass name), then spec.ingressClassName.
 * An Ingress whose class names no IngressClass, or a controller that does not run here, is served
 * by no one and gets no address.
 */
export function resolveIngressClass(
  ingress: SourcedObject,
  classes: readonly IngressClassInfo[],
): ClassResolution {
  const annotation = ingress.object.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  const field =
    annotation !== undefined ? `metadata.annotations.${LEGACY_CLASS_ANNOTATION}` : "spec.ingressClassName";
  const name = annotation ?? asString(asRecord(ingress.object.spec).ingressClassName);
  if (name === undefined) {
    return {
      served: false,
      why: message("ingress.why.noClass"),
      field,
    };
  }
  const ingressClass = classes.find((c) => c.name === name);
  if (!ingressClass) {
    return { served: false, why: message("ingress.why.missingClass", { name }), field };
  }
  if (!ingressClass.implementation) {
    return {
      served: false,
      why: message("ingress.why.otherController", {
        name,
        controller: ingressClass.controller,
        nginx: NGINX_CONTROLLER,
        gce: GCE_CONTROLLER,
      }),
      field,
    };
  }
  return { served: true, ingressClass, implementation: ingressClass.implementation, field };
}
