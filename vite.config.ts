import { preact } from "@preact/preset-vite";
import tailwindcss from "@tailwindcss/vite";
import { uneval } from "devalue";
import { defineConfig, type Plugin, runnerImport } from "vite";
import { lessonOutlines } from "./scripts/lessonOutlines.ts";
import type { KnownBuild } from "./src/app/engine/firstBuild.ts";

/** Lists every emitted file in precache.json for public/sw.js, which caches them for offline use. */
function precacheManifest(): Plugin {
  return {
    name: "svclab-precache-manifest",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith(".map"));
      files.push("favicon.svg");
      this.emitFile({ type: "asset", fileName: "precache.json", source: JSON.stringify(files) });
    },
  };
}

/**
 * `virtual:svclab/first-build`: the first build of a first visit and its first layout, computed by the
 * engine and the layout service themselves while the app is built (src/app/engine/recordFirstBuild.ts),
 * so that the page draws its first cluster before the engine's and the layout's workers' code is fetched
 * (issue 15: a light first load). The dev server gives none: there the
 * engine's code changes under it, and a snapshot would show the cluster of an older engine.
 */
function firstBuild(): Plugin {
  const id = "virtual:svclab/first-build";
  let building = false;
  return {
    name: "svclab-first-build",
    configResolved: (config) => {
      building = config.command === "build";
    },
    resolveId: { filter: { id: /^virtual:svclab\/first-build$/ }, handler: () => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:svclab\/first-build$/ },
      async handler() {
        if (!building) return "export default null;";
        const { module } = await runnerImport<{ recordFirstBuild(): Promise<KnownBuild> }>(
          "/src/app/engine/recordFirstBuild.ts",
          { configFile: false, logLevel: "error", plugins: [lessonOutlines()] },
        );
        // As code, not JSON: the cluster holds Maps (source positions), which JSON would turn into objects.
        return `export default ${uneval(await module.recordFirstBuild())};`;
      },
    },
  };
}

/**
 * The dev server injects inline scripts (React Fast Refresh), which index.html's Content-Security-Policy
 * forbids: drop the policy while serving `npm start`. The build keeps it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: "svclab-dev-without-csp",
    apply: "serve",
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ""),
  };
}

// The engine is pure (DESIGN.md; a lint rule keeps it so) and the lessons are data: importing one of
// their modules does nothing but define things. Saying so lets the bundler drop every module of theirs
// whose exports a bundle does not use, which it otherwise keeps for fear of side effects (issue 15: the
// graph's first load carried the engine's whole YAML parser this way, through `src/engine/index.ts`).
const pureSources = {
  moduleSideEffects: [{ test: /\/src\/(engine|lessons)\//, sideEffects: false }],
};

// A relative base makes dist/ work from any path on any static host.
export default defineConfig({
  base: "./",
  // The page's code is written against React's API and runs on Preact's (preact/compat), which is 50 KiB
  // gzipped lighter than react-dom (issue 15: at most 150 KiB before the first graph); src/app/preact.ts.
  plugins: [preact(), tailwindcss(), lessonOutlines(), firstBuild(), precacheManifest(), devWithoutCsp()],
  worker: { format: "es", rolldownOptions: { treeshake: pureSources } },
  // One js-yaml in the bundles: the engine imports js-yaml/browser (src/engine/manifests/yaml.ts says
  // why), so a plain `js-yaml` import elsewhere gets the same build rather than a second copy.
  resolve: { alias: [{ find: /^js-yaml$/, replacement: "js-yaml/browser" }] },
  build: {
    target: "es2022",
    sourcemap: true,
    rolldownOptions: {
      treeshake: pureSources,
      // A lesson's text in one language is a file of its own (src/lessons/texts.ts), named for it, so that
      // the bench's list of what a first screen fetched, and the tests, can tell which lesson and language.
      output: {
        chunkFileNames: ({ facadeModuleId }) => {
          const lesson = /\/src\/lessons\/([\w-]+)\/(en|ja)\.md/.exec(facadeModuleId ?? "");
          return lesson ? `assets/lesson-${lesson[1]}-${lesson[2]}-[hash].js` : "assets/[name]-[hash].js";
        },
      },
    },
  },
});
