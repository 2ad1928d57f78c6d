import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from "react";
import { useT } from "../i18n/useT.ts";

/**
 * Where a part of the page loads its code on first use (issue 15: the first screen fetches only what it
 * draws): a short "Loading…" status, announced by screen readers, until the part's chunk has arrived.
 */
export function Lazy({ children, className = "p-3" }: { children: ReactNode; className?: string }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p role="status" className={`text-slate-500 text-sm ${className}`}>
          {t("app.loading")}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

type LazyOf<C> = C extends ComponentType<infer P> ? LazyExoticComponent<ComponentType<P>> : never;

/** `React.lazy` of a module's named component: `lazyNamed(() => import("./X.tsx"), "X")`. */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyOf<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType }))) as LazyOf<M[K]>;
}
