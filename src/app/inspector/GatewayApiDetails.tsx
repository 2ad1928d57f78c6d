import type { SourcedObject } from "../../engine/index.ts";
import type { Resource } from "../../kubectl/printers.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { KubectlFields } from "./KubectlFields.tsx";

const GATEWAY_RESOURCES: Record<string, Resource> = {
  GatewayClass: "gatewayclasses",
  Gateway: "gateways",
  HTTPRoute: "httproutes",
  GRPCRoute: "grpcroutes",
  TLSRoute: "tlsroutes",
};

type Condition = { type?: string; status?: string; reason?: string; message?: string };

/**
 * Whether a condition reads as all is well: Conflicted is an "abnormal-true" condition, well when
 * False (gateway-api apis/v1 shared_types.go, ListenerConditionConflicted); the others when True.
 */
function healthy(c: Condition): boolean {
  return c.type === "Conflicted" ? c.status === "False" : c.status === "True";
}

/**
 * One set of status conditions, as `kubectl describe` lists them: type, status, reason, message; the
 * message in the learner's language when the simulated controller wrote it (`texts`, by field path).
 */
function Conditions({
  caption,
  conditions,
  path,
  texts,
}: {
  caption: string;
  conditions: unknown;
  path: string;
  texts: SourcedObject["statusTexts"];
}) {
  const t = useT();
  const engineText = useEngineText();
  const list = (Array.isArray(conditions) ? conditions : []) as Condition[];
  const messageOf = (c: Condition, i: number) => {
    const text = texts?.[`${path}[${i}].message`];
    return text ? engineText(text) : c.message;
  };
  return (
    <table className="mt-3 w-full text-left text-[11px]">
      <caption className="text-left font-semibold text-slate-700 text-xs">{caption}</caption>
      <thead>
        <tr className="text-slate-500">
          <th scope="col" className="pr-2">
            {t("gatewayApi.type")}
          </th>
          <th scope="col" className="pr-2">
            {t("gatewayApi.status")}
          </th>
          <th scope="col">{t("gatewayApi.reason")}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((c, i) => (
          <tr key={c.type} title={messageOf(c, i)} className={healthy(c) ? "" : "text-amber-800"}>
            <td className="pr-2 align-top font-mono">{c.type}</td>
            <td className="pr-2 align-top font-mono">{c.status}</td>
            <td className="align-top">
              <span className="font-mono">{c.reason}</span>
              {!healthy(c) && c.message ? `: ${messageOf(c, i)}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A GatewayClass, Gateway or HTTPRoute: its status as the simulated Envoy Gateway wrote it — the
 * object's conditions, each listener's (a Gateway) or each parent's (an HTTPRoute).
 */
export function GatewayApiDetails({ source }: { source: SourcedObject }) {
  const t = useT();
  const { object, statusTexts: texts } = source;
  const status = object.status ?? {};
  const listeners = (Array.isArray(status.listeners) ? status.listeners : []) as {
    name?: string;
    attachedRoutes?: number;
    conditions?: unknown;
  }[];
  const parents = (Array.isArray(status.parents) ? status.parents : []) as {
    parentRef?: { namespace?: string; name?: string; sectionName?: string };
    conditions?: unknown;
  }[];
  return (
    <section>
      <h3 className="font-semibold text-base">
        {object.kind} {object.metadata.name}
      </h3>
      <KubectlFields
        resource={GATEWAY_RESOURCES[object.kind] ?? "gateways"}
        singular={object.kind.toLowerCase()}
        namespace={object.metadata.namespace ?? (object.kind === "GatewayClass" ? "" : "default")}
        name={object.metadata.name}
      />
      {status.conditions !== undefined && (
        <Conditions
          caption={t("gatewayApi.conditions")}
          conditions={status.conditions}
          path="status.conditions"
          texts={texts}
        />
      )}
      {listeners.map((l, i) => (
        <Conditions
          key={l.name}
          caption={t("gatewayApi.listener", { name: l.name ?? "", count: l.attachedRoutes ?? 0 })}
          conditions={l.conditions}
          path={`status.listeners[${i}].conditions`}
          texts={texts}
        />
      ))}
      {parents.map((p, i) => {
        const name = `${p.parentRef?.namespace ?? ""}/${p.parentRef?.name ?? ""}${p.parentRef?.sectionName ? `/${p.parentRef.sectionName}` : ""}`;
        return (
          <Conditions
            key={name}
            caption={t("gatewayApi.parent", { name })}
            conditions={p.conditions}
            path={`status.parents[${i}].conditions`}
            texts={texts}
          />
        );
      })}
      {object.kind.endsWith("Route") && parents.length === 0 && (
        <p className="mt-3 text-amber-800 text-xs">{t("gatewayApi.noParents")}</p>
      )}
    </section>
  );
}
