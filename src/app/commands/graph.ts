import { type Command, registerCommands } from "./registry.ts";

/** The id of the graph's search box, which `/` focuses. */
export const SEARCH_INPUT_ID = "graph-search";

/** Finding an object in the graph. */
export const graphCommands: readonly Command[] = [
  {
    id: "search",
    label: "command.search",
    // `/` focuses a page's search box on GitHub, YouTube and MDN alike.
    keys: ["/"],
    run: () => document.getElementById(SEARCH_INPUT_ID)?.focus(),
  },
];

registerCommands(graphCommands);
