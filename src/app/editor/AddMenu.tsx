import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useT } from "../i18n/useT.ts";
import { templates } from "./templates.ts";

/** The "Add" menu button: inserts a template after the document the cursor is in. */
export function AddMenu({ onInsert, disabled }: { onInsert(text: string): void; disabled: boolean }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? []);

  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      all[(at + move + all.length) % all.length]?.focus();
    } else if (event.key === "Escape") {
      setOpen(false);
      document.getElementById(`${id}-button`)?.focus();
    }
  };

  return (
    <div className="relative">
      <button
        id={`${id}-button`}
        type="button"
        className="rounded border border-k8s bg-k8s px-2 py-0.5 text-sm text-white hover:bg-k8s/90 disabled:opacity-50"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        disabled={disabled}
        onClick={() => {
          setOpen(!open);
          requestAnimationFrame(() => items()[0]?.focus());
        }}
      >
        {t("editor.add")} ▾
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={t("editor.addMenu")}
          className="absolute top-full left-0 z-20 mt-1 w-64 rounded border border-slate-200 bg-white py-1 shadow-lg"
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
          }}
        >
          {templates.map((template) => (
            <button
              key={template.id}
              type="button"
              role="menuitem"
              className="w-full px-3 py-1 text-left text-sm hover:bg-slate-100 focus:bg-slate-100"
              onClick={() => {
                setOpen(false);
                onInsert(template.text);
              }}
            >
              {t(`template.${template.id}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
