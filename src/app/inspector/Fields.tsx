import type { ReactNode } from "react";

/** A definition list of label/value rows, the inspector's basic shape. */
export function Fields({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-mono text-slate-800 wrap-anywhere">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
