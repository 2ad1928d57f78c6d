import { useEffect, useRef } from "react";
import { useT } from "../i18n/useT.ts";
import { outcomeWithCode } from "../packets/outcome.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { BatchSpread } from "./BatchSpread.tsx";

const SHOWN = 200;

/** Every request in text: where from, where to, how it ended and which pod answered. */
export function RequestLog() {
  const t = useT();
  const requests = useAppStore((s) => s.requests);
  const selected = useAppStore((s) => s.selectedRequest);
  const selectRequest = useAppStore((s) => s.selectRequest);
  const list = useRef<HTMLOListElement>(null);
  const shown = requests.slice(-SHOWN);
  useEffect(() => {
    if (requests.length > 0) list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [requests]);
  return (
    <section className="flex min-h-0 flex-col border-slate-200 border-t bg-white">
      <BatchSpread />
      <h2 className="px-3 pt-1 font-semibold text-slate-700 text-xs">{t("log.label")}</h2>
      <div role="log" aria-label={t("log.label")} className="min-h-0 flex-1 overflow-y-auto px-3 pb-2">
        <ol ref={list} className="font-mono text-xs">
          {shown.length === 0 && <li className="text-slate-500">{t("log.empty")}</li>}
          {shown.map(({ id, trace }) => {
            const ok = trace.outcome === "delivered";
            return (
              <li key={id}>
                <button
                  type="button"
                  aria-pressed={id === selected}
                  onClick={() => selectRequest(id)}
                  className={`w-full rounded px-1 text-left hover:bg-slate-100 ${id === selected ? "bg-blue-50" : ""}`}
                >
                  {t("log.entry", {
                    id,
                    from: trace.request.from,
                    to: trace.request.to,
                  })}{" "}
                  <span className={ok ? "text-emerald-700" : "text-red-700"}>
                    {outcomeWithCode(t, trace.outcome)}
                  </span>
                  {trace.backend && (
                    <span className="text-slate-600">
                      {" "}
                      {trace.backend.pod
                        ? t("log.backend", { pod: trace.backend.pod, node: trace.backend.node ?? "" })
                        : t("log.backendAddress", { address: `${trace.backend.ip}:${trace.backend.port}` })}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
