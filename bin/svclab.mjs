#!/usr/bin/env node
// `svclab`: runs the CLI bundle that `npm install` and `npm run build` make, building it first when it
// is missing (a fresh clone) or older than its sources (an edit, a pull), so it always runs the code in the tree.
import { pathToFileURL } from "node:url";
import { BUNDLE, bundleIsStale } from "../scripts/cli-bundle.mjs";

if (bundleIsStale()) {
  const { buildCli } = await import("../scripts/build-cli.mjs");
  buildCli();
}
const { runCli, processIO } = await import(pathToFileURL(BUNDLE).href);
process.exitCode = runCli(process.argv.slice(2), processIO);
