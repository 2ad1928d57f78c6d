import { Panel } from "@xyflow/react";
import type { MessageKey } from "../i18n/index.ts";
import { useT } from "../i18n/useT.ts";
import { LOOKS } from "../packets/animator.ts";
import { EDGE_STYLES } from "./RouteEdge.tsx";

const DOTS: [MessageKey, string][] = [
  ["legend.request", LOOKS.request.dot],
  ["legend.dns", LOOKS.dns.dot],
  ["legend.delivered", LOOKS.delivered.dot],
  ["legend.failed", LOOKS.failed.dot],
];

const LINES: [MessageKey, keyof typeof EDGE_STYLES][] = [
  ["legend.route", "route"],
  ["legend.endpoint", "endpoint"],
  ["legend.cname", "cname"],
  ["legend.pool", "pool"],
  ["legend.removed", "ejected"],
  ["legend.taken", "trace"],
];

/** The picture's grammar, the same in every view: what a dot's colour, a line and a lit Service mean. */
export function GraphLegend() {
  const t = useT();
  return (
    <Panel position="bottom-right" className="!mb-24 !mr-2">
      <details className="rounded border border-slate-300 bg-white/95 px-2 py-1 text-[11px] text-slate-700 shadow-sm">
        <summary className="cursor-pointer font-semibold">{t("legend.label")}</summary>
        <ul className="mt-1 space-y-0.5">
          {DOTS.map(([key, colour]) => (
            <li key={key} className="flex items-center gap-1.5">
              <svg width="22" height="10" aria-hidden="true">
                <circle cx="11" cy="5" r="4.5" fill={colour} />
              </svg>
              {t(key)}
            </li>
          ))}
          {LINES.map(([key, kind]) => {
            const style = EDGE_STYLES[kind];
            return (
              <li key={key} className="flex items-center gap-1.5">
                <svg width="22" height="10" aria-hidden="true">
                  <line
                    x1="1"
                    y1="5"
                    x2="21"
                    y2="5"
                    stroke={style.stroke}
                    strokeWidth={Math.min(style.strokeWidth, 4)}
                    strokeDasharray={"strokeDasharray" in style ? style.strokeDasharray : undefined}
                  />
                </svg>
                {t(key)}
              </li>
            );
          })}
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-5 rounded-sm border-2 border-violet-600 bg-violet-50"
            />
            {t("legend.consulted")}
          </li>
        </ul>
      </details>
    </Panel>
  );
}
