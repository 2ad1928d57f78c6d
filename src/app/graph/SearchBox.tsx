import { Panel } from "@xyflow/react";
import { useState } from "react";
import "../commands/graph.ts";
import type { Cluster, Ref } from "../../engine/index.ts";
import { SEARCH_INPUT_ID } from "../commands/graph.ts";
import { useT } from "../i18n/useT.ts";
import { findObject } from "./search.ts";

/** Finds a Service or pod by name (`/` focuses it) and hands its ref to `onFound`, which zooms to it. */
export function SearchBox({
  cluster,
  compact,
  onFound,
}: {
  cluster: Cluster;
  compact: boolean;
  onFound(ref: Ref): void;
}) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  return (
    <Panel position="top-left" className="!m-2 flex flex-col gap-1">
      <search>
        <form
          className="flex gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            const ref = findObject(cluster, query);
            setMissing(ref || !query.trim() ? null : query.trim());
            if (ref) onFound(ref);
          }}
        >
          <input
            id={SEARCH_INPUT_ID}
            type="search"
            aria-label={t("search.label")}
            aria-keyshortcuts="/"
            placeholder={t("search.placeholder")}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") event.currentTarget.blur();
            }}
            className="w-56 rounded border border-slate-400 bg-white px-2 py-0.5 text-sm shadow-sm max-md:w-32"
          />
          <button
            type="submit"
            className="rounded border border-slate-400 bg-white px-2 text-sm shadow-sm hover:bg-slate-100"
          >
            {t("search.go")}
          </button>
        </form>
      </search>
      <p role="status" className="w-fit rounded bg-white/90 px-1 text-[12px] text-slate-700 empty:hidden">
        {missing !== null ? t("search.none", { query: missing }) : compact ? t("node.compactNote") : ""}
      </p>
    </Panel>
  );
}
