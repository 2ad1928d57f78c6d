import { describe, expect, it } from "vitest";
import { pod, problems } from "../testutil.ts";

describe("Pod validation", () => {
  it("accepts a minimal Pod", () => {
    expect(problems([pod({})])).toEqual([]);
  });

  // validation.go ValidatePodSpec: containers required, names and images required
  it("requires containers, each with a name and an image", () => {
    expect(problems([pod({ containers: [] })])).toEqual(["spec.containers: Required value"]);
    expect(problems([pod({ containers: [{}] })])).toEqual([
      "spec.containers[0].name: Required value",
      "spec.containers[0].image: Required value",
    ]);
  });

  // validation.go validateContainers: container names unique
  it("refuses two containers with one name", () => {
    const containers = [
      { name: "a", image: "x" },
      { name: "a", image: "y" },
    ];
    expect(problems([pod({ containers })])).toEqual(['spec.containers[1].name: Duplicate value: "a"']);
  });

  // validation.go validateContainerPorts
  it("checks container ports: number in range, IANA_SVC_NAME names unique in the container, protocol", () => {
    const ports = [
      { containerPort: 8080, name: "http" },
      { containerPort: 8081, name: "http" },
      { containerPort: 70000, name: "x_y" },
      { containerPort: 53, protocol: "ICMP" },
      { name: "this-name-is-far-too-long" },
    ];
    expect(problems([pod({ containers: [{ name: "a", image: "x", ports }] })])).toEqual([
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      "spec.containers[0].ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.containers[0].ports[2].name: Invalid value: "x_y": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[3].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[4].name: Invalid value: "this-name-is-far-too-long": must be no more than 15 characters',
      "spec.containers[0].ports[4].containerPort: Required value",
    ]);
  });

  // pkg/api/pod/warnings.go: duplicate port names across containers are a warning
  it("warns when two containers of a pod use one port name", () => {
    const containers = [
      { name: "a", image: "x", ports: [{ name: "http", containerPort: 80 }] },
      { name: "b", image: "y", ports: [{ name: "http", containerPort: 81 }] },
    ];
    expect(problems([pod({ containers })])).toEqual([
      'warning spec.containers[1].ports[0]: duplicate port name "http" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]',
    ]);
  });

  // validation.go validateHostNetwork
  it("requires hostPort to equal containerPort with hostNetwork", () => {
    const containers = [{ name: "a", image: "x", ports: [{ containerPort: 80, hostPort: 8080 }] }];
    expect(problems([pod({ hostNetwork: true, containers })])).toEqual([
      "spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true",
    ]);
  });

  // validation.go ValidatePodSpec: hostname and subdomain are DNS labels, nodeName a subdomain
  it("checks hostname, subdomain and nodeName syntax", () => {
    const errors = problems([pod({ hostname: "Web", subdomain: "a.b", nodeName: "Node_1" })]);
    expect(errors.map((e) => e.split(":")[0])).toEqual(["spec.hostname", "spec.subdomain", "spec.nodeName"]);
  });

  it("knows restart and DNS policies", () => {
    expect(problems([pod({ restartPolicy: "Sometimes", dnsPolicy: "Google" })])).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"',
    ]);
  });
});
