import type { MessageKey } from "../i18n/index.ts";
import { useT } from "../i18n/useT.ts";
import { LOOKS } from "../packets/looks.ts";
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

/**
 * The picture's grammar, the same in every view: what a dot's colour, a line and a lit Service mean. It
 * sits beside the zoom buttons, in the strip a fit keeps clear, so that it never covers a box (issue
 * 14); opened, its list hangs over the graph until it is closed again (by its button or Escape).
 */
export function GraphLegend() {
  const t = useT();
  return (
    <details
      className="relative ml-1 self-center text-slate-700 text-xs"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !event.currentTarget.open) return;
        event.currentTarget.open = false;
        event.currentTarget.querySelector("summary")?.focus();
      }}
    >
      <summary className="cursor-pointer rounded border border-slate-300 bg-white px-2 py-0.5 font-semibold hover:bg-slate-100">
        {t("legend.label")}
      </summary>
      <div className="absolute top-full right-0 z-30 mt-1 w-max max-w-[min(24rem,90vw)] rounded border border-slate-300 bg-white/95 px-2 py-1 text-[11px] shadow-md">
        <ul className="space-y-0.5">
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
      </div>
    </details>
  );
}
