import type { IngressSummary } from "../../engine/index.ts";
import { useEngineText, useT } from "../i18n/useT.ts";
import { Fields } from "./Fields.tsx";
import { KubectlFields } from "./KubectlFields.tsx";

const implementationText = {
  nginx: "ingress.implementation.nginx",
  gce: "ingress.implementation.gce",
} as const;

/** An Ingress: who serves it and where requests enter, its TLS hosts and its rules as a table. */
export function IngressDetails({ ingress }: { ingress: IngressSummary }) {
  const t = useT();
  const engineText = useEngineText();
  return (
    <section>
      <h3 className="font-semibold text-base">{t("inspector.ingress", { name: ingress.name })}</h3>
      <KubectlFields
        resource="ingresses"
        singular="ingress"
        namespace={ingress.namespace}
        name={ingress.name}
      />
      <Fields
        rows={[
          [
            t("field.implementation"),
            ingress.implementation ? t(implementationText[ingress.implementation]) : "—",
          ],
          ...(ingress.notServed ? [[t("field.notServed"), engineText(ingress.notServed)] as const] : []),
          [t("field.enteredThrough"), ingress.frontDoor ?? "—"],
          [
            t("field.tls"),
            ingress.tls
              .map(
                (e) =>
                  `${e.hosts.length > 0 ? e.hosts.join(", ") : t("ingress.allHosts")} (Secret ${e.secretName ?? "—"})`,
              )
              .join("; ") || "—",
          ],
        ]}
      />
      <table className="mt-3 w-full text-left text-[11px]">
        <caption className="text-left font-semibold text-slate-700 text-xs">
          {t("ingress.rulesCaption")}
        </caption>
        <thead>
          <tr className="text-slate-500">
            <th>{t("ingress.host")}</th>
            <th>{t("ingress.path")}</th>
            <th>{t("ingress.pathType")}</th>
            <th>{t("ingress.backend")}</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {ingress.paths.map((p) => (
            <tr key={`${p.host} ${p.path} ${p.pathType}`}>
              <td>{p.host || "*"}</td>
              <td>{p.path}</td>
              <td>{p.pathType}</td>
              <td>{p.backend.text}</td>
            </tr>
          ))}
          {ingress.defaultBackend && (
            <tr>
              <td colSpan={3}>{t("ingress.default")}</td>
              <td>{ingress.defaultBackend.text}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="mt-3 text-slate-500 text-xs">{t("ingress.dnsNote")}</p>
    </section>
  );
}
