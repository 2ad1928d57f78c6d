import { useT } from "../i18n/useT.ts";
import { appStore, useAppStore } from "../store/useAppStore.ts";

const button =
  "rounded border border-amber-400 bg-white px-2 py-0.5 text-sm hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-k8s";

/** Another tab saved the manifests shown here: the learner picks the version to go on with. */
export function OtherTabNotice() {
  const t = useT();
  const conflict = useAppStore((s) => s.otherTab !== null);
  if (!conflict) return null;
  return (
    <section
      role="alert"
      aria-label={t("tabs.region")}
      className="border-amber-300 border-b bg-amber-50 px-3 py-2 text-amber-950 text-sm"
    >
      <p>{t("tabs.changed")}</p>
      <div className="mt-1 flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => appStore.getState().adoptOtherTab()}>
          {t("tabs.useOther")}
        </button>
        <button type="button" className={button} onClick={() => appStore.getState().keepThisTab()}>
          {t("tabs.keepMine")}
        </button>
      </div>
    </section>
  );
}
