import { describe, expect, it } from "vitest";
import { buildCluster } from "../engine/cluster/build.ts";
import { loadManifests } from "../engine/index.ts";
import { lessons } from "./index.ts";
import { courseTexts } from "./testing.ts";
import type { Lesson, LessonLanguage } from "./types.ts";

const texts = await courseTexts();

/**
 * Issue 14, "lesson text agrees with the graph": every object a lesson's first screen names (its
 * introduction and first step) is in the cluster its manifests build. An object is named when a
 * name in backticks or bold stands next to a kind word: "the `web` Service", "pod `client`",
 * "ノード `node-2`", or is a node's name (`node-N`).
 */
const KINDS: Record<string, string> = {
  pod: "pod",
  pods: "pod",
  service: "service",
  services: "service",
  deployment: "deployment",
  statefulset: "statefulset",
  node: "node",
  ノード: "node",
  ingress: "ingress",
  gateway: "gateway",
  httproute: "httproute",
  endpointslice: "endpointslice",
};

// In backticks, or in bold when it reads as a name (a hyphen or a digit): **headless** is a word, **web-0** a name.
const NAME = String.raw`(?:\x60([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\x60|\*\*([a-z0-9]*[-0-9][-a-z0-9.]*)\*\*)`;
// Kind words as prose writes them (pod, Pod, Service...): the names stay lower case (DNS-1123).
const KIND_WORDS = Object.keys(KINDS).flatMap((k) => [k, k[0]?.toUpperCase() + k.slice(1)]);
const KIND = `(${[...KIND_WORDS, "StatefulSet", "EndpointSlice", "HTTPRoute"].join("|")})`;
const NAME_THEN_KIND = new RegExp(`${NAME}\\s*${KIND}(?![A-Za-z])`, "g");
const KIND_THEN_NAME = new RegExp(`(?<![A-Za-z])${KIND}\\s*${NAME}`, "g");
const NODE_NAME = /`(node-\d+)`/g;

function namedObjects(text: string): { kind: string; name: string }[] {
  // Code blocks show commands and manifests, not the screen.
  const prose = text.replace(/```[\s\S]*?```/g, "");
  const found: { kind: string; name: string }[] = [];
  for (const m of prose.matchAll(NAME_THEN_KIND))
    found.push({ kind: KINDS[(m[3] ?? "").toLowerCase()] ?? "", name: m[1] ?? m[2] ?? "" });
  for (const m of prose.matchAll(KIND_THEN_NAME))
    found.push({ kind: KINDS[(m[1] ?? "").toLowerCase()] ?? "", name: m[2] ?? m[3] ?? "" });
  for (const m of prose.matchAll(NODE_NAME)) found.push({ kind: "node", name: m[1] ?? "" });
  return found;
}

function objectNames(lesson: Lesson): Record<string, Set<string>> {
  const loaded = loadManifests(lesson.manifests, lesson.settings);
  if (!loaded.ok) throw new Error(`${lesson.id}: manifests invalid`);
  const cluster = buildCluster(loaded.value, lesson.settings ? { settings: lesson.settings } : {});
  const ofKind = (kind: string) =>
    new Set(cluster.objects.filter((o) => o.object.kind === kind).map((o) => o.object.metadata.name));
  return {
    // "the web pod": a pod of its own name, or one of the web Deployment's or StatefulSet's.
    pod: new Set(
      cluster.pods.flatMap((p) => [p.name, ...(p.owner ? [p.owner.split("/").at(-1) ?? ""] : [])]),
    ),
    service: new Set(cluster.services.map((s) => s.name)),
    node: new Set(cluster.nodes.map((n) => n.name)),
    deployment: ofKind("Deployment"),
    statefulset: ofKind("StatefulSet"),
    ingress: ofKind("Ingress"),
    gateway: ofKind("Gateway"),
    httproute: ofKind("HTTPRoute"),
    endpointslice: new Set(cluster.endpointSlices.map((s) => s.name)),
  };
}

describe("lesson text and the first screen", () => {
  it("finds objects named next to their kind", () => {
    expect(
      namedObjects(
        "the `web` Service and pod `client`, then **db-0** pod on `node-2`, a **headless** Service",
      ),
    ).toEqual([
      { kind: "service", name: "web" },
      { kind: "pod", name: "db-0" },
      { kind: "pod", name: "client" },
      { kind: "node", name: "node-2" },
    ]);
  });

  for (const lesson of lessons) {
    for (const language of ["en", "ja"] as LessonLanguage[]) {
      it(`${lesson.id} (${language}): its first screen names only objects its manifests make`, () => {
        const text = texts.get(lesson.id)?.[language];
        if (!text) throw new Error(`${lesson.id}: no ${language} text`);
        const first = lesson.steps[0] ? text.steps[lesson.steps[0].id] : undefined;
        const screen = [text.intro, first?.title ?? "", first?.body ?? ""].join("\n");
        const names = objectNames(lesson);
        const missing = namedObjects(screen).filter(
          ({ kind, name }) => !names[kind]?.has(name) && !names.pod?.has(name),
        );
        expect(missing).toEqual([]);
      });
    }
  }
});
