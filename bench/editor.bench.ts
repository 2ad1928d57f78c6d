// The editor's completion and hover read the YAML document the cursor is in, line by line, at each
// keystroke (src/app/editor/yamlContext.ts): how long one completion takes at the end of a file just
// under the simulator's 2 MiB, where copying and splitting the whole text took 16 ms a keystroke.
import { CompletionContext } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { completeManifest } from "../src/app/editor/assist.ts";
import { generateManifests } from "./manifests.bench.ts";
import { median, type Report } from "./stats.ts";

export async function run(report: Report): Promise<void> {
  const text = `${generateManifests(2 * 1024 * 1024 - 1024)}\n---\nkind: Service\nspec:\n  ty`;
  const state = EditorState.create({ doc: text });
  const offered = completeManifest(new CompletionContext(state, text.length, false))?.options;
  if (!offered?.some((option) => option.label === "type"))
    throw new Error("no completion of `type`: nothing measured");
  const times: number[] = [];
  for (let i = 0; i < 31; i++) {
    const start = performance.now();
    completeManifest(new CompletionContext(state, text.length, false));
    times.push(performance.now() - start);
  }
  report("editor.complete_key_2mib.ms", median(times), "ms");
}
