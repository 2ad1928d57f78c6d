import { isObj, type Obj } from "../validation/values.ts";

/** Sets `obj[key] = value` when the field is absent (missing or null), as the generated defaulters do for nil pointers and empty strings. */
export function setDefault(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === "") obj[key] = value;
}

/** The mappings of a list field, skipping items of other types (validation reports those). */
export function objectItems(obj: Obj, key: string): Obj[] {
  const list = obj[key];
  return Array.isArray(list) ? list.filter(isObj) : [];
}

/** core/v1 defaults.go SetDefaults_PodSpec and, for a Pod itself (not a template), SetDefaults_Pod. */
export function defaultPodSpec(spec: Obj, isPod: boolean): void {
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "schedulerName", "default-scheduler");
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  if (isPod) setDefault(spec, "enableServiceLinks", true);
  for (const list of ["initContainers", "containers"]) {
    for (const container of objectItems(spec, list)) {
      defaultContainer(container);
      // SetDefaults_Pod defaultHostNetworkPorts: with host networking a container port is a host port
      if (isPod && spec.hostNetwork === true) {
        for (const port of objectItems(container, "ports")) setDefault(port, "hostPort", port.containerPort);
      }
    }
  }
}

/** SetDefaults_Container and SetDefaults_ContainerPort. */
function defaultContainer(container: Obj): void {
  if (typeof container.image === "string") {
    setDefault(
      container,
      "imagePullPolicy",
      imageTag(container.image) === "latest" ? "Always" : "IfNotPresent",
    );
  }
  setDefault(container, "terminationMessagePath", "/dev/termination-log");
  setDefault(container, "terminationMessagePolicy", "File");
  for (const port of objectItems(container, "ports")) setDefault(port, "protocol", "TCP");
}

/** The image's tag, "latest" when it has neither tag nor digest (parsers.ParseImageName). */
function imageTag(image: string): string | null {
  if (image.includes("@")) return null;
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  return colon < 0 ? "latest" : image.slice(colon + 1);
}
