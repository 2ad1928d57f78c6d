import { useId, useMemo, useState } from "react";
import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";
import { ingressSuggestions } from "./ingressSuggestions.ts";
import { requestSuggestions, suggestionsFor } from "./suggestions.ts";

/**
 * A request's destination (a URL or host:port), offering every address the cluster answers on:
 * Ingress hosts, Service names, ClusterIPs, NodePorts, external and load-balancer IPs; those that
 * hold what is typed, a hundred at most (a large cluster has thousands). The list is made only while
 * the field has focus, the only time the browser shows it: for 5,000 Services, making it anew for
 * every cluster was a fifth of a large import's longest task (issue 16 item 3: no task over 100 ms).
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
  const [focused, setFocused] = useState(false);
  const cluster = useAppStore((s) => (focused ? s.cluster : null));
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
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
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
