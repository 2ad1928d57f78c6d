import { useT } from "../i18n/useT.ts";
import { useAppStore } from "../store/useAppStore.ts";

/** Why a share link could not be opened, and that the learner's work is safe. */
export function ShareNotice() {
  const t = useT();
  const notice = useAppStore((s) => s.shareNotice);
  const dismiss = useAppStore((s) => s.setShareNotice);
  if (!notice) return null;
  return (
    <div role="alert" className="border-red-200 border-b bg-red-50 px-3 py-2 text-red-950 text-sm">
      <p>{t(`share.${notice}`)}</p>
      <button type="button" className="mt-1 text-xs underline" onClick={() => dismiss(null)}>
        {t("editor.dismiss")}
      </button>
    </div>
  );
}
