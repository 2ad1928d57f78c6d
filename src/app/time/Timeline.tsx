import { memo, type PointerEvent, type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { Bucket, Outcome, SimEvent } from "../../engine/index.ts";
import { useT } from "../i18n/useT.ts";
import { Truncated } from "../layout/Truncated.tsx";
import { outcomeText } from "../packets/outcome.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";
import { clockText, secondAt, summarize } from "./scenario.ts";
import { useShownClock } from "./useShownClock.ts";

const ROW_HEIGHT = 28;

/** What the control plane did that changes where traffic goes: marked above the bars. */
const MARKED_REASONS = new Set([
  "NodeNotReady",
  "LoadBalancerBackendRemoved",
  "LoadBalancerBackendAdded",
  "ProxyRulesSynced",
  "PodEvicted",
  "NodeReady",
]);

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

function ticks(duration: number): number[] {
  const step = TICK_STEPS.find((s) => duration / s <= 12) ?? 600;
  return Array.from({ length: Math.floor(duration / step) + 1 }, (_, i) => i * step);
}

function byStream(buckets: readonly Bucket[]): Map<string, Bucket[]> {
  const out = new Map<string, Bucket[]>();
  for (const b of buckets) out.set(b.stream, [...(out.get(b.stream) ?? []), b]);
  return out;
}

const percent = (t: number, duration: number) => `${(100 * t) / duration}%`;

/** Seconds of bars drawn by one memoised block: as the horizon moves on, only its block is drawn again. */
const BLOCK_SECONDS = 30;

/** One stream's seconds as bars: delivered from the bottom in green, failures from the top in red. */
function StreamBars({
  buckets,
  horizon,
  duration,
}: {
  buckets: Bucket[];
  horizon: number;
  duration: number;
}) {
  const blocks = useMemo(() => {
    const out = Array.from({ length: Math.ceil(duration / BLOCK_SECONDS) }, (): Bucket[] => []);
    for (const b of buckets) out[Math.floor(b.t / BLOCK_SECONDS)]?.push(b);
    return out;
  }, [buckets, duration]);
  return (
    <svg
      viewBox={`0 0 ${duration} 1`}
      preserveAspectRatio="none"
      className="block w-full"
      style={{ height: ROW_HEIGHT }}
      aria-hidden="true"
    >
      <rect x={0} y={0} width={duration} height={1} className="fill-slate-100" />
      {blocks.map((block, i) => {
        const first = i * BLOCK_SECONDS;
        const upTo = Math.max(first - 1, Math.min(horizon, first + BLOCK_SECONDS - 1));
        return <BarBlock key={first} buckets={block} upTo={upTo} />;
      })}
    </svg>
  );
}

/** The bars of one block of seconds, up to the second `upTo`. */
const BarBlock = memo(function BarBlock({ buckets, upTo }: { buckets: Bucket[]; upTo: number }) {
  const t = useT();
  return buckets
    .filter((b) => b.t <= upTo)
    .map((b) => {
      const s = summarize(b);
      if (s.sent === 0) return null;
      const failed = (s.sent - s.delivered) / s.sent;
      return (
        <g key={b.t}>
          <title>
            {t("timeline.bar", { stream: s.stream, t: b.t, delivered: s.delivered, sent: s.sent })}
          </title>
          {failed > 0 && <rect x={b.t + 0.05} y={0} width={0.9} height={failed} className="fill-red-500" />}
          {failed < 1 && (
            <rect x={b.t + 0.05} y={failed} width={0.9} height={1 - failed} className="fill-emerald-500" />
          )}
        </g>
      );
    });
});

function Markers({ events, duration }: { events: SimEvent[]; duration: number }) {
  return (
    <div className="relative h-4" aria-hidden="true">
      {events.map((e) => (
        <span
          key={`${e.t}|${e.reason}|${e.object}|${e.message}`}
          title={`${e.t}s ${e.reason} ${e.object}`}
          className={`-translate-x-1/2 absolute top-0.5 h-3 w-1.5 rounded-sm ${
            e.type === "Warning" ? "bg-amber-500" : "bg-sky-600"
          }`}
          style={{ left: percent(e.t + 0.5, duration) }}
        />
      ))}
    </div>
  );
}

function SecondsTable({ buckets, horizon }: { buckets: Bucket[]; horizon: number }) {
  const t = useT();
  const rows = buckets.filter((b) => b.t <= horizon).map((b) => ({ t: b.t, ...summarize(b) }));
  return (
    <table className="w-full text-left font-mono text-xs">
      <thead>
        <tr>
          <th>{t("timeline.second")}</th>
          <th>{t("timeline.streamColumn")}</th>
          <th>{t("timeline.sent")}</th>
          <th>{t("timeline.delivered")}</th>
          <th>{t("timeline.failures")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.t}-${row.stream}`}>
            <td>{row.t}</td>
            <td>{row.stream}</td>
            <td>{row.sent}</td>
            <td>{row.delivered}</td>
            <td>{row.failed.map((f) => `${outcomeText(t, f.outcome as Outcome)} ${f.count}`).join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Moves the clock's mark over the bars every frame the clock moves, as the packets move: written to
 * the page directly, since re-rendering the timeline every frame cost more than the frame had.
 */
function useClockCursor(cursor: RefObject<HTMLDivElement | null>, duration: number): void {
  useEffect(() => {
    const place = (clock: number) => {
      if (cursor.current) cursor.current.style.left = percent(Math.min(clock, duration), duration);
    };
    place(appStore.getState().clock);
    return appStore.subscribe((state, previous) => {
      if (state.clock !== previous.clock) place(state.clock);
    });
  }, [cursor, duration]);
}

/**
 * The timeline under the graph: each stream's successes and failures per second up to the furthest
 * moment played, the scenario's events and the control plane's key moments, and the clock's place;
 * dragging over it (or the slider under it) moves the clock to any second.
 */
export function Timeline() {
  const t = useT();
  const simulation = useAppStore((s) => s.simulation);
  const duration = useAppStore((s) => s.scenario.duration);
  const actions = useAppStore((s) => s.scenario.events);
  const shown = useShownClock();
  const { horizon } = shown;
  const seek = useAppStore((s) => s.seek);
  const chart = useRef<HTMLDivElement>(null);
  const cursor = useRef<HTMLDivElement>(null);
  useClockCursor(cursor, duration);
  const [tableOpen, setTableOpen] = useState(false);
  const second = Math.min(shown.second, Math.ceil(duration) - 1);
  const streams = useMemo(() => byStream(simulation?.buckets ?? []), [simulation]);
  const marked = useMemo(
    () => (simulation?.events ?? []).filter((e) => MARKED_REASONS.has(e.reason) && e.t <= horizon),
    [simulation, horizon],
  );
  const now = simulation ? secondAt(simulation.buckets, second) : [];

  const seekAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = chart.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    seek(Math.floor(((event.clientX - box.left) / box.width) * duration));
  };

  return (
    <section aria-label={t("timeline.label")} className="border-slate-200 border-t bg-white px-3 py-2">
      <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-2">
        <div className="pt-4">
          {(simulation?.streams ?? []).map((name) => (
            <div
              key={name}
              className="flex items-center font-mono text-slate-700 text-xs"
              style={{ height: ROW_HEIGHT + 4 }}
            >
              <Truncated text={name} />
            </div>
          ))}
        </div>
        <div className="relative">
          <Markers events={marked} duration={duration} />
          {(simulation?.streams ?? []).map((name) => (
            <div key={name} className="py-0.5">
              <StreamBars buckets={streams.get(name) ?? []} horizon={horizon} duration={duration} />
            </div>
          ))}
          {/* Pointer scrubbing over the bars; the slider below is the same control for the keyboard. */}
          <div
            ref={chart}
            aria-hidden="true"
            className="absolute inset-0 cursor-ew-resize"
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              seekAt(e);
            }}
            onPointerMove={(e) => {
              if (e.buttons & 1) seekAt(e);
            }}
          >
            {actions.map((a) => (
              <div
                key={`${a.at}-${a.action}-${a.target}`}
                title={`${a.at}s ${a.action} ${a.target}`}
                className={`absolute inset-y-0 border-l-2 border-dashed ${
                  a.action === "fail-node" ? "border-red-800" : "border-emerald-800"
                }`}
                style={{ left: percent(a.at, duration) }}
              />
            ))}
            <div ref={cursor} className="absolute inset-y-0 w-0.5 bg-blue-700" />
          </div>
        </div>
        {(simulation?.streams.length ?? 0) === 0 && (
          <p className="col-span-2 py-1 text-slate-500 text-sm">{t("timeline.empty")}</p>
        )}
        <div />
        <div className="relative h-4 text-[10px] text-slate-500" aria-hidden="true">
          {ticks(duration).map((tick) => (
            <span key={tick} className="-translate-x-1/2 absolute" style={{ left: percent(tick, duration) }}>
              {clockText(tick)}
            </span>
          ))}
        </div>
        <div />
        <input
          type="range"
          aria-label={t("timeline.scrub")}
          aria-valuetext={clockText(second)}
          min={0}
          max={duration}
          step={1}
          value={shown.second}
          onChange={(e) => seek(Number(e.target.value))}
          className="w-full accent-blue-600"
        />
      </div>
      <p className="flex flex-wrap gap-x-4 text-slate-700 text-xs" aria-live="polite">
        <span className="font-semibold">{t("timeline.summary", { clock: clockText(second) })}</span>
        {now.map((s) => (
          <span key={s.stream} data-stream={s.stream} data-second={second}>
            {t("timeline.stream", { stream: s.stream, sent: s.sent, delivered: s.delivered })}
            {s.failed.map((f) => (
              <span key={f.outcome} className="text-red-700">
                {" · "}
                {t("timeline.failed", { count: f.count, outcome: outcomeText(t, f.outcome as Outcome) })}
              </span>
            ))}
          </span>
        ))}
        <span className="ml-auto flex items-center gap-2 text-slate-500">
          <span className="inline-block h-2 w-3 bg-emerald-500" /> {t("timeline.legendDelivered")}
          <span className="inline-block h-2 w-3 bg-red-500" /> {t("timeline.legendFailed")}
        </span>
      </p>
      {simulation && simulation.streams.length > 0 && (
        <details onToggle={(e) => setTableOpen(e.currentTarget.open)} className="text-xs">
          <summary className="cursor-pointer text-slate-600">{t("timeline.table")}</summary>
          {tableOpen && (
            <div className="max-h-28 overflow-y-auto">
              <SecondsTable buckets={simulation.buckets} horizon={horizon} />
            </div>
          )}
        </details>
      )}
    </section>
  );
}
