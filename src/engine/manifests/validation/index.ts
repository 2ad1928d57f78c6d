import { isKubeProxyConfigMap, readKubeProxyConfig } from "../../cluster/kubeProxyConfig.ts";
import type { ClusterSettings } from "../../cluster/types.ts";
import { message } from "../../messages/index.ts";
import { type NoKindMatch, noKindMatch } from "../builtinKinds.ts";
import { diagnostic } from "../diagnostics.ts";
import { kindInfo, objectRef, SIMULATED_KINDS, simulatedApiVersion } from "../kinds.ts";
import { positionOf } from "../positions.ts";
import type { Diagnostic, KubeObject, SourcedObject } from "../types.ts";
import { validateNode, validateSecret } from "./core.ts";
import { validateAcrossObjects } from "./crossObject.ts";
import { validateEndpointSlice, validateEndpoints } from "./endpoints.ts";
import { type FieldError, fieldError, required, warning } from "./field.ts";
import {
  validateGateway,
  validateGatewayClass,
  validateGRPCRoute,
  validateHTTPRoute,
  validateReferenceGrant,
  validateTLSRoute,
} from "./gateway.ts";
import { validateIngress, validateIngressClass } from "./ingress.ts";
import { validateObjectMeta } from "./meta.ts";
import { validatePodSpec } from "./pod.ts";
import { validateService } from "./service.ts";
import { unknownFields } from "./unknownFields.ts";
import { Fields, type Obj } from "./values.ts";
import { validateWorkload } from "./workloads.ts";

/** One object's own rules, as the API server's validation for its kind (errors) plus "not simulated" notes (warnings). */
export function validateObject(object: Obj & { apiVersion: string; kind: string }): FieldError[] {
  const info = kindInfo(object);
  const missing = info ? null : noKindMatch(object.apiVersion, object.kind);
  if (missing) return [noMatchError(object, missing)];
  const unknown = unknownFields(object);
  // kube-proxy reads this one ConfigMap (cluster/kubeProxyConfig.ts); its problems are kube-proxy's.
  if (isKubeProxyConfigMap(object as KubeObject))
    return [...unknown, ...readKubeProxyConfig(object as KubeObject).problems];
  if (!info) {
    const known = simulatedApiVersion(object.kind);
    return [
      ...unknown,
      known
        ? warning(
            "apiVersion",
            message("kind.otherVersion", { kind: object.kind, apiVersion: object.apiVersion, known }),
          )
        : warning(
            "kind",
            message("kind.notSimulated", {
              kind: object.kind,
              apiVersion: object.apiVersion,
              kinds: SIMULATED_KINDS.join(", "),
            }),
          ),
    ];
  }
  const f = new Fields();
  for (const error of unknown) f.add(error);
  validateObjectMeta(object, info, f);
  switch (info.kind) {
    case "Pod": {
      const spec = f.object(object, "spec", "");
      if (spec) validatePodSpec(spec, "spec", f);
      else f.add(required("spec"));
      break;
    }
    case "Service":
      validateService(object, f);
      break;
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
      validateWorkload(info.kind, object, f);
      break;
    case "Endpoints":
      validateEndpoints(object, f);
      break;
    case "EndpointSlice":
      validateEndpointSlice(object, f);
      break;
    case "Ingress":
      validateIngress(object, f);
      break;
    case "IngressClass":
      validateIngressClass(object, f);
      break;
    case "GatewayClass":
      validateGatewayClass(object, f);
      break;
    case "Gateway":
      validateGateway(object, f);
      break;
    case "HTTPRoute":
      validateHTTPRoute(object, f);
      break;
    case "GRPCRoute":
      validateGRPCRoute(object, f);
      break;
    case "TLSRoute":
      validateTLSRoute(object, f);
      break;
    case "ReferenceGrant":
      validateReferenceGrant(object, f);
      break;
    case "Node":
      validateNode(object, f);
      break;
    case "Secret":
      validateSecret(object, f);
      break;
  }
  return f.errors;
}

/**
 * A kind the API server does not serve in that apiVersion: kubectl apply stops with this error
 * (meta.NoKindMatchError), so the object is never created. Says what was probably meant.
 */
function noMatchError(object: { apiVersion: string; kind: string }, meant: NoKindMatch): FieldError {
  const { kind, apiVersion } = object;
  if (meant.apiVersion)
    return fieldError(
      "apiVersion",
      message("kind.otherGroup", { kind, apiVersion, served: meant.apiVersion }),
    );
  if (meant.kind)
    return fieldError("kind", message("kind.didYouMean", { kind, apiVersion, meant: meant.kind }));
  return fieldError("kind", message("kind.noMatch", { kind, apiVersion }));
}

export function toDiagnostic(source: SourcedObject, error: FieldError): Diagnostic {
  const at = positionOf(source, error.at ?? error.path);
  return diagnostic(at, error.severity, error.path, error.text, objectRef(source.object));
}

/** Every object's own rules, then the rules across objects; diagnostics in input order. */
export function validateObjects(objects: readonly SourcedObject[], settings: ClusterSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of objects)
    for (const error of validateObject(source.object)) out.push(toDiagnostic(source, error));
  for (const { source, error } of validateAcrossObjects(objects, settings))
    out.push(toDiagnostic(source, error));
  return out;
}
