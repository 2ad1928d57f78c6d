#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx svclab` needs no build step.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
process.env.SVCLAB_CLI_MAIN = "1";
await import(fileURLToPath(new URL("../src/cli/main.ts", import.meta.url)));
