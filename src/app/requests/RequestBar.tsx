import { useId, useMemo } from "react";
import { CommandButton } from "../commands/CommandButton.tsx";
import { useCommand } from "../commands/useCommand.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { BATCH_SIZES, type BatchSize } from "../store/trafficSlice.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { DestinationInput } from "./DestinationInput.tsx";
import { requestSources } from "./suggestions.ts";

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const button = "rounded px-3 py-1 font-medium text-sm disabled:opacity-50";

/** Where a request comes from and goes to, and the buttons that send one or a batch. */
export function RequestBar() {
  const t = useT();
  const engineText = useEngineText();
  const toId = useId();
  const cluster = useAppStore((s) => s.cluster);
  const from = useAppStore((s) => s.requestFrom);
  const to = useAppStore((s) => s.requestTo);
  const setFrom = useAppStore((s) => s.setRequestFrom);
  const setTo = useAppStore((s) => s.setRequestTo);
  const batchSize = useAppStore((s) => s.batchSize);
  const setBatchSize = useAppStore((s) => s.setBatchSize);
  const error = useAppStore((s) => s.sendError);
  const send = useCommand("send");
  const sendMany = useCommand("send-many");
  const sources = useMemo(() => (cluster ? requestSources(cluster) : { nodes: [], pods: [] }), [cluster]);

  return (
    <form
      aria-label={t("requests.region")}
      className="flex flex-wrap items-center gap-2 border-slate-200 border-b bg-slate-50 px-3 py-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        send.run();
      }}
    >
      <label className="flex min-w-0 items-center gap-1 text-slate-600 text-sm">
        {t("requests.from")}
        <select className={`${control} max-w-56`} value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="client/external">
            {t("requests.externalClient", { ip: cluster?.settings.externalClientIP ?? "" })}
          </option>
          <optgroup label={t("requests.nodes")}>
            {sources.nodes.map((ref) => (
              <option key={ref} value={ref}>
                {ref}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("requests.pods")}>
            {sources.pods.map((ref) => (
              <option key={ref} value={ref}>
                {ref}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label htmlFor={toId} className="flex min-w-48 flex-1 items-center gap-1 text-slate-600 text-sm">
        {t("requests.to")}
        <DestinationInput
          id={toId}
          className={`${control} min-w-0 flex-1 font-mono`}
          value={to}
          placeholder={t("requests.toHint")}
          onChange={setTo}
        />
      </label>
      <button
        type="submit"
        className={`${button} bg-k8s text-white`}
        disabled={!send.enabled}
        aria-keyshortcuts={send.keys}
      >
        {t("requests.send")}
      </button>
      <CommandButton command={sendMany} className={`${button} border border-k8s text-k8s`}>
        {t("requests.sendMany", { count: batchSize })}
      </CommandButton>
      <select
        aria-label={t("requests.batchSize")}
        className={control}
        value={batchSize}
        onChange={(e) => setBatchSize(Number(e.target.value) as BatchSize)}
      >
        {BATCH_SIZES.map((size) => (
          <option key={size} value={size}>
            {t("requests.batchOf", { count: size })}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="w-full text-red-700 text-sm">
          {t("requests.error", { message: engineText(error) })}
        </p>
      )}
    </form>
  );
}
