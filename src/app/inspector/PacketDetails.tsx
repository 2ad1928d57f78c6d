import type { HopKind, PacketHeader, Trace } from "../../engine/index.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { outcomeWithCode } from "../packets/outcome.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { Fields } from "./Fields.tsx";

const addr = (h: PacketHeader) => `${h.src.ip}:${h.src.port} → ${h.dst.ip}:${h.dst.port}`;
const changed = (a: PacketHeader, b: PacketHeader) => addr(a) !== addr(b);

/** Hops that decide at L7 or end TLS stand out: they are what an Ingress adds to a packet's path. */
const highlighted: Partial<Record<HopKind, { key: MessageKey; className: string }>> = {
  "l7-route": { key: "hop.l7", className: "border-teal-400 bg-teal-50" },
  "tls-terminate": { key: "hop.tls", className: "border-amber-400 bg-amber-50" },
  redirect: { key: "hop.redirect", className: "border-sky-400 bg-sky-50" },
};

/** One request's packet: its outcome, the pod that answered, and every hop with addresses before and after. */
export function PacketDetails({ id, trace }: { id: number; trace: Trace }) {
  const t = useT();
  const engineText = useEngineText();
  // The hop the packet is at on the graph: marked here too, so stepping keeps the list and the graph in step.
  const hopAt = useAppStore((s) => s.hopAt);
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.packet", { id })}</h3>
      <Fields
        rows={[
          [t("requests.from"), trace.request.from],
          [t("requests.to"), trace.request.to],
          [t("field.outcome"), outcomeWithCode(t, trace.outcome)],
          [
            t("field.backend"),
            trace.backend
              ? `${trace.backend.pod ?? trace.backend.node ?? ""} ${trace.backend.ip}:${trace.backend.port}`.trim()
              : "—",
          ],
          [t("field.clientIP"), trace.backend?.clientIP ?? "—"],
        ]}
      />
      <h4 className="mt-4 font-semibold text-xs">{t("inspector.hops")}</h4>
      <ol className="mt-1 space-y-2 text-[11px]">
        {trace.hops.map((hop, i) => {
          const mark = highlighted[hop.kind];
          const current = i === hopAt;
          return (
            <li
              aria-current={current ? "step" : undefined}
              ref={current ? (element) => element?.scrollIntoView({ block: "nearest" }) : undefined}
              // Hops are a fixed, ordered list: their index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              className={`rounded border p-1.5 ${current ? "outline-3 outline-amber-500" : ""} ${
                hop.kind === "reject" || hop.kind === "drop"
                  ? "border-red-300 bg-red-50"
                  : (mark?.className ??
                    (hop.phase === "dns" ? "border-purple-200 bg-purple-50" : "border-slate-200"))
              }`}
            >
              {mark && <p className="font-semibold text-[10px] text-slate-700 uppercase">{t(mark.key)}</p>}
              <p>
                <span className="font-semibold">
                  {i + 1}. {t(`hop.kind.${hop.kind}`)}
                </span>{" "}
                <span className="font-mono text-slate-600">{hop.at}</span>
                {current && (
                  <span className="ml-1 rounded bg-amber-700 px-1 font-semibold text-white">
                    {t("step.current")}
                  </span>
                )}
              </p>
              <p className="text-slate-700">{engineText(hop.message)}</p>
              <p className="font-mono">
                <span className="text-slate-600">{t("hop.before")}:</span> {addr(hop.before)}
              </p>
              <p
                className={`font-mono ${changed(hop.before, hop.after) ? "font-semibold text-amber-800" : ""}`}
              >
                <span className="font-normal text-slate-600">{t("hop.after")}:</span> {addr(hop.after)}
              </p>
              {hop.cause && (
                <p className="font-mono text-slate-600">
                  {t("inspector.field")}: {hop.cause.object}{" "}
                  <span className="text-blue-800">{hop.cause.field}</span>{" "}
                  {hop.cause.position && (
                    <button
                      type="button"
                      className="text-blue-700 underline hover:text-blue-900"
                      aria-label={t("inspector.showField", {
                        field: hop.cause.field,
                        file: hop.cause.position.file,
                        line: hop.cause.position.line,
                      })}
                      onClick={() =>
                        hop.cause?.position && appStore.getState().revealPosition(hop.cause.position)
                      }
                    >
                      {hop.cause.position.file}:{hop.cause.position.line}
                    </button>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
