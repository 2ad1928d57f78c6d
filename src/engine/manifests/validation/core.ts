import { message } from "../../messages/index.ts";
import { child, invalid, notSupported, required } from "./field.ts";
import { isValidCIDR } from "./ip.ts";
import { isConfigMapKey, isQualifiedName } from "./names.ts";
import type { Fields, Obj } from "./values.ts";

const TAINT_EFFECTS = ["NoExecute", "NoSchedule", "PreferNoSchedule"];

/** validation.go ValidateNode: podCIDR(s) are CIDRs, taints have a qualified key and a known effect. */
export function validateNode(node: Obj, f: Fields): void {
  const spec = f.object(node, "spec", "");
  if (!spec) return;
  const podCIDR = f.string(spec, "podCIDR", "spec");
  if (podCIDR && !isValidCIDR(podCIDR)) f.add(invalid("spec.podCIDR", podCIDR, message("core.cidrInvalid")));
  for (const { value, path } of f.strings(spec, "podCIDRs", "spec")) {
    if (!isValidCIDR(value)) f.add(invalid(path, value, message("core.cidrInvalid")));
  }
  f.bool(spec, "unschedulable", "spec");
  for (const { item: taint, path } of f.objects(spec, "taints", "spec")) {
    const key = f.string(taint, "key", path);
    if (!key) f.add(required(child(path, "key")));
    else for (const msg of isQualifiedName(key)) f.add(invalid(child(path, "key"), key, msg));
    f.string(taint, "value", path);
    const effect = f.string(taint, "effect", path);
    if (!effect) f.add(required(child(path, "effect")));
    else if (!TAINT_EFFECTS.includes(effect))
      f.add(notSupported(child(path, "effect"), effect, TAINT_EFFECTS));
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * validation.go ValidateSecret: data keys are config keys, data values base64 (the API server
 * decodes them into []byte), and a kubernetes.io/tls Secret carries tls.crt and tls.key.
 */
export function validateSecret(secret: Obj, f: Fields): void {
  const data = f.stringMap(secret, "data", "") ?? {};
  const stringData = f.stringMap(secret, "stringData", "") ?? {};
  for (const [key, value] of Object.entries(data)) {
    for (const msg of isConfigMapKey(key)) f.add(invalid(child("data", key), key, msg));
    if (!BASE64.test(value.replace(/\s/g, ""))) {
      f.add(invalid(child("data", key), "<secret contents redacted>", message("core.base64")));
    }
  }
  for (const key of Object.keys(stringData)) {
    for (const msg of isConfigMapKey(key)) f.add(invalid(child("stringData", key), key, msg));
  }
  if (f.string(secret, "type", "") === "kubernetes.io/tls") {
    for (const key of ["tls.crt", "tls.key"]) {
      if (!(key in data) && !(key in stringData)) f.add(required(child("data", key)));
    }
  }
}
