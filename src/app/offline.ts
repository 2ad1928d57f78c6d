/** Registers public/sw.js in production builds so the static site keeps working offline once loaded. */
export function registerOfflineCache(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("./sw.js").catch((error: unknown) => {
    console.warn("Service Lab: offline cache unavailable", error);
  });
}
