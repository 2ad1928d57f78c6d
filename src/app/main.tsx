import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { afterFirstScreen } from "./firstScreen.ts";
import { registerOfflineCache } from "./offline.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The service worker fetches every file of the build to cache it: after the first screen, not during it.
afterFirstScreen(registerOfflineCache);
