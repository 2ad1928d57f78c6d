import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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

// A relative base makes dist/ work from any path on any static host.
export default defineConfig({
  base: "./",
  plugins: [react(), tailwindcss(), precacheManifest(), devWithoutCsp()],
  worker: { format: "es" },
  // One js-yaml in the bundles: the engine imports js-yaml/browser (src/engine/manifests/yaml.ts says
  // why), so a plain `js-yaml` import elsewhere gets the same build rather than a second copy.
  resolve: { alias: [{ find: /^js-yaml$/, replacement: "js-yaml/browser" }] },
  build: { target: "es2022", sourcemap: true },
});
