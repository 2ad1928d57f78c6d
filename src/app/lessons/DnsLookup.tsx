import { useId, useMemo } from "react";
import type { NameLookup } from "../../engine/index.ts";
import { useCommand } from "../commands/useCommand.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { requestSources } from "../requests/suggestions.ts";
import { useAppStore } from "../store/useAppStore.ts";

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** Asks cluster DNS (or the upstream resolver, for nodes and the outside client) for a name. */
export function DnsLookup() {
  const t = useT();
  const engineText = useEngineText();
  const headingId = useId();
  const cluster = useAppStore((s) => s.cluster);
  const from = useAppStore((s) => s.lookupFrom);
  const name = useAppStore((s) => s.lookupName);
  const setFrom = useAppStore((s) => s.setLookupFrom);
  const setName = useAppStore((s) => s.setLookupName);
  const last = useAppStore((s) => s.lastLookup);
  const lookup = useCommand("dns-lookup");
  const sources = useMemo(() => (cluster ? requestSources(cluster) : { nodes: [], pods: [] }), [cluster]);
  const options = sources.pods.includes(from) ? sources.pods : [from, ...sources.pods];

  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-slate-50 p-2">
      <h3 id={headingId} className="mb-1 font-semibold text-slate-700 text-xs uppercase tracking-wide">
        {t("dns.heading")}
      </h3>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          lookup.run();
        }}
      >
        <label className="flex min-w-0 max-w-full flex-col text-slate-600 text-xs">
          {t("dns.from")}
          {/* A pod's ref can be longer than the panel is wide: the choice is cut, not the panel widened. */}
          <select className={`${control} max-w-full`} value={from} onChange={(e) => setFrom(e.target.value)}>
            {options.map((ref) => (
              <option key={ref} value={ref}>
                {ref}
              </option>
            ))}
            {sources.nodes.map((ref) => (
              <option key={ref} value={ref}>
                {ref}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-32 flex-1 flex-col text-slate-600 text-xs">
          {t("dns.name")}
          <input
            className={`${control} font-mono`}
            value={name}
            placeholder={t("dns.namePlaceholder")}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="rounded bg-k8s px-3 py-1 font-medium text-sm text-white disabled:opacity-50"
          disabled={!lookup.enabled}
        >
          {t("dns.submit")}
        </button>
      </form>
      {last && (
        <div className="mt-2 text-xs" aria-live="polite">
          <p className="text-slate-600">{t("dns.result", { name: last.name, from: last.from })}</p>
          {last.error !== null ? (
            <p className="text-red-700">{engineText(last.error)}</p>
          ) : (
            <DnsAnswers lookup={last.lookup} />
          )}
        </div>
      )}
    </section>
  );
}

function DnsAnswers({ lookup }: { lookup: NameLookup | null }) {
  const t = useT();
  if (!lookup) return null;
  return (
    <div className="font-mono">
      <p>
        {lookup.name} · {lookup.rcode}
      </p>
      {lookup.answers.length === 0 ? (
        <p>{t("dns.none")}</p>
      ) : (
        <ul>
          {lookup.answers.map((a) => (
            <li key={`${a.name} ${a.type} ${a.data}`}>
              {a.name} {a.type} <strong>{a.data}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
