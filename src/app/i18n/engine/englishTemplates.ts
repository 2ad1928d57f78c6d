// What the page imports lazily for the engine's English (english.ts). Not the engine's module itself: the
// page's other lazy chunks (kubectl describe, the manifests' checks) import that one statically, and the
// bundler then folds shared code (its own runtime) into its chunk, which put the templates back on the
// first screen (issue 15). A module of the page's own stays a chunk of its own.
export { engineTexts } from "../../../engine/messages/english.ts";
