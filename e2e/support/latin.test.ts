import { describe, expect, it } from "vitest";
import { cataloguesJa, engineTextsJa } from "../../src/app/i18n/japanese.ts";
import { englishIn, prose } from "./latin.ts";

describe("englishIn: English left in a Japanese text", () => {
  it("keeps what Kubernetes spells: refs, fields, addresses, kinds, commands and rule names", () => {
    const text =
      'kube-proxy (iptables) が node-1 で KUBE-SERVICES → KUBE-SVC-ABC を通し、svc/default/web の spec.ports[0].targetPort に従って 10.96.0.10:80 → 10.244.1.5:8080 へ DNAT します。"default/web:http has no endpoints" -j REJECT。`kubectl get endpointslices` で確認できます。ClusterIP と externalTrafficPolicy Local。gcloud compute forwarding-rules list で見られます';
    expect(englishIn(text)).toEqual([]);
  });

  it("finds an English sentence, even around names", () => {
    const text = "web-0 に到達: nothing listens on 10.244.1.5:81, the kernel answers with a TCP reset";
    const found = englishIn(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^nothing listens on .* the kernel answers with a reset$/);
  });

  it("finds three Latin words in a row, or two with a word only English uses", () => {
    expect(englishIn("結果: connection reset by peer")).toEqual(["connection reset by peer"]);
    expect(englishIn("web: no endpoints")).toHaveLength(1);
    expect(englishIn("Service と Pod を作る")).toEqual([]);
  });

  it("finds outcome words asked for, alone", () => {
    expect(englishIn("結果: timeout", ["timeout", "delivered"])).toEqual(["timeout"]);
    expect(englishIn("結果: タイムアウト", ["timeout", "delivered"])).toEqual([]);
  });

  it("takes names and fields out of the prose", () => {
    expect(prose("pod/default/web-0 spec.containers[0].ports[0]").trim()).toBe("");
  });
});

// Issue 14: every text a learner reads in Japanese, the app's own and the engine's, holds no English
// sentence (placeholders hold names, addresses and phrases of their own, checked the same way).
describe("the Japanese catalogues", () => {
  const texts: [string, string][] = [
    ...Object.entries(engineTextsJa),
    ...cataloguesJa.flatMap((c) =>
      Object.entries(c).map(([key, text]) => [key, String(text)] as [string, string]),
    ),
  ];

  it("have no English sentence in any text", () => {
    const english = texts.flatMap(([code, text]) =>
      englishIn(text.replace(/\{\w+\}/g, " ")).map((found) => `${code}: ${found}`),
    );
    expect(english).toEqual([]);
  });
});
