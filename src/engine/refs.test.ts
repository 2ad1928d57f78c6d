import { describe, expect, it } from "vitest";
import {
  clientRef,
  externalRef,
  ingressLbRef,
  ingressRef,
  isClientRef,
  lbRef,
  lbRefOf,
  lbTarget,
  nodeName,
  nodeRef,
  parseRef,
  podRef,
  refLabel,
  refName,
  svcRef,
  toNodeRef,
} from "./refs.ts";

// DESIGN.md "One vocabulary of names": the table of refs these builders spell.
describe("refs", () => {
  it("spells each kind as DESIGN.md's table", () => {
    expect(nodeRef("node-1")).toBe("node/node-1");
    expect(podRef("default", "web-0")).toBe("pod/default/web-0");
    expect(svcRef("shop", "web")).toBe("svc/shop/web");
    expect(lbRef("shop", "web")).toBe("lb/shop/web");
    expect(ingressRef("shop", "web")).toBe("ingress/shop/web");
    expect(ingressLbRef("shop", "web")).toBe("lb/ingress/shop/web");
    expect(externalRef("example.com")).toBe("external/example.com");
    expect(clientRef()).toBe("client/external");
  });

  it("takes apart what it builds", () => {
    expect(parseRef(podRef("default", "web-0"))).toEqual({
      kind: "pod",
      namespace: "default",
      name: "web-0",
    });
    expect(parseRef(nodeRef("n1"))).toEqual({ kind: "node", namespace: null, name: "n1" });
    expect(parseRef(lbRef("ingress", "web"))).toEqual({
      kind: "lb",
      namespace: "ingress",
      name: "web",
      of: "svc",
    });
    expect(parseRef(ingressLbRef("shop", "web"))).toEqual({
      kind: "lb",
      namespace: "shop",
      name: "web",
      of: "ingress",
    });
  });

  it("refuses what is not a ref of a known kind with its parts", () => {
    expect(parseRef("pod/web")).toBeUndefined();
    expect(parseRef("node/a/b")).toBeUndefined();
    expect(parseRef("widget/a/b")).toBeUndefined();
    expect(parseRef("svc//web")).toBeUndefined();
  });

  it("links a load balancer and what it fronts, both ways", () => {
    expect(lbRefOf(svcRef("shop", "web"))).toBe("lb/shop/web");
    expect(lbRefOf(ingressRef("shop", "web"))).toBe("lb/ingress/shop/web");
    expect(lbTarget("lb/shop/web")).toBe("svc/shop/web");
    expect(lbTarget("lb/ingress/shop/web")).toBe("ingress/shop/web");
    expect(lbTarget("svc/shop/web")).toBeUndefined();
  });

  it("names, labels and node names", () => {
    expect(refName("pod/default/web-0")).toBe("web-0");
    expect(refLabel("pod/default/web-0")).toBe("default/web-0");
    expect(refLabel("node/n1")).toBe("n1");
    expect(refLabel("lb/ingress/shop/web")).toBe("ingress/shop/web");
    expect(nodeName("node/n1")).toBe("n1");
    expect(nodeName("n1")).toBe("n1");
    expect(toNodeRef("n1")).toBe("node/n1");
    expect(toNodeRef("node/n1")).toBe("node/n1");
    expect(isClientRef("external")).toBe(true);
    expect(isClientRef("client/a")).toBe(true);
    expect(isClientRef("external/example.com")).toBe(false);
  });
});
