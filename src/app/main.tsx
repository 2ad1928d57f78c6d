import "./preact.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { afterFirstScreen } from "./firstScreen.ts";
import { loadAppTexts, loadLanguage } from "./i18n/index.ts";
import { registerOfflineCache } from "./offline.ts";
import { appStore } from "./store/useAppStore.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const container = root;
// A learner who reads Japanese gets its texts first (a chunk of their own, issue 15); English is always here.
// Should they fail to arrive, the page shows in English rather than not at all.
loadAppTexts(appStore.getState().language)
  .catch(() => appStore.setState({ language: "en" }))
  .finally(() =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
// The service worker fetches every file of the build to cache it: after the first screen, not during it.
afterFirstScreen(registerOfflineCache);
// So are the rest of the language's texts (the engine's English templates), unless a text needed them sooner.
afterFirstScreen(() => void loadLanguage(appStore.getState().language).catch(() => undefined));
