import { useId, useMemo } from "react";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { ingressSuggestions } from "./ingressSuggestions.ts";
import { requestSuggestions, suggestionsFor } from "./suggestions.ts";

/**
 * A request's destination (a URL or host:port), offering every address the cluster answers on:
 * Ingress hosts, Service names, ClusterIPs, NodePorts, external and load-balancer IPs; those that
 * hold what is typed, a hundred at most (a large cluster has thousands).
 */
export function DestinationInput(props: {
  id?: string;
  value: string;
  onChange(value: string): void;
  className: string;
  placeholder: string;
}) {
  const t = useT();
  const listId = useId();
  const cluster = useAppStore((s) => s.cluster);
  const ingresses = useAppStore((s) => s.ingresses);
  const suggestions = useMemo(
    () => (cluster ? [...ingressSuggestions(ingresses), ...requestSuggestions(cluster)] : []),
    [cluster, ingresses],
  );
  const shown = useMemo(
    () => suggestionsFor(suggestions, props.value, (note) => t(note.key, note.params)),
    [suggestions, props.value, t],
  );
  return (
    <>
      <input
        id={props.id}
        className={props.className}
        value={props.value}
        list={listId}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {shown.map((s) => (
          <option key={s.value} value={s.value}>
            {t(s.note.key, s.note.params)}
          </option>
        ))}
      </datalist>
    </>
  );
}
