import type { StateCreator } from "zustand";
import type { SourceFile } from "../../engine/index.ts";
import sandboxYaml from "../../samples/sandbox.yaml?raw";
import type { AppState } from "./index.ts";

export interface ManifestsSlice {
  /** The manifests being edited, one entry per file; the cluster is built from all of them together. */
  files: SourceFile[];
  setFileText(name: string, text: string): void;
  replaceFiles(files: SourceFile[]): void;
}

export const SANDBOX_FILE = "sandbox.yaml";

export const createManifestsSlice: StateCreator<AppState, [], [], ManifestsSlice> = (set) => ({
  files: [{ name: SANDBOX_FILE, text: sandboxYaml }],
  setFileText: (name, text) =>
    set((s) => ({
      files: s.files.some((f) => f.name === name)
        ? s.files.map((f) => (f.name === name ? { name, text } : f))
        : [...s.files, { name, text }],
    })),
  replaceFiles: (files) => set({ files }),
});
