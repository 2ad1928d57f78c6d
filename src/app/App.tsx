import { lazy, Suspense, useEffect } from "react";
import "./commands/time.ts";
import "./commands/traffic.ts";
import "./console/command.ts";
import { useCommandShortcuts } from "./commands/useCommand.ts";
import { ConsoleButton } from "./console/ConsoleButton.tsx";
import { afterFirstScreen } from "./firstScreen.ts";
import { ClusterGraph } from "./graph/ClusterGraph.tsx";
import { useT } from "./i18n/useT.ts";
import { Inspector, inspectorEmpty } from "./inspector/Inspector.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { Lazy, lazyNamed } from "./layout/Lazy.tsx";
import { PanelToggle, SidePanelFrame, usePanel } from "./layout/SidePanelFrame.tsx";
import { SidePanel } from "./lessons/SidePanel.tsx";
import { OtherTabNotice } from "./persist/OtherTabNotice.tsx";
import { PlaybackControls } from "./requests/PlaybackControls.tsx";
import { RequestBar } from "./requests/RequestBar.tsx";
import { RequestLog } from "./requests/RequestLog.tsx";
import { ShareNotice } from "./share/ShareNotice.tsx";
import { useShareLink } from "./share/useShareLink.ts";
import { useAppStore } from "./store/useAppStore.ts";
import { ModeSwitch } from "./time/ModeSwitch.tsx";

// The manifest editor (CodeMirror) is most of the JavaScript and is not needed to draw the graph: it
// loads when the Manifests tab is first opened, or when the page is idle after the graph is drawn.
const loadEditor = () => import("./editor/EditorPanel.tsx");
afterFirstScreen(() => void loadEditor());
const EditorPanel = lazyNamed(loadEditor, "EditorPanel");
// The console (its kubectl, curl and dig) loads when it is first opened: a first screen never pays for it.
const ConsolePanel = lazy(() => import("./console/ConsolePanel.tsx"));
// The Time view (its clock, timeline, scenario and events) loads when the learner first switches to it.
const ClockBar = lazyNamed(() => import("./time/ClockBar.tsx"), "ClockBar");
const TimePanel = lazyNamed(() => import("./time/TimePanel.tsx"), "TimePanel");

/**
 * The page: header; the learner's side panel (lessons and the manifest editor) on the left; the
 * cluster graph with its request bar and log in the middle; the inspector on the right.
 */
export function App() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const timeMode = useAppStore((s) => s.timeMode);
  const consoleOpen = useAppStore((s) => s.consoleOpen);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useCommandShortcuts();
  useShareLink();
  const lessonsSide = usePanel("side", { size: 352, open: true }, { min: 240, max: 720 });
  // The manifest editor gets a wider column than the lessons (issue 14: it was squeezed into ~340 px);
  // each tab keeps the width it was last given, and one header button shows or hides them both.
  const editorSide = usePanel("side.manifests", { size: 480, open: true }, { min: 240, max: 720 });
  const sideTab = useAppStore((s) => s.sideTab);
  const side =
    sideTab === "manifests"
      ? { ...editorSide, open: lessonsSide.open, toggle: lessonsSide.toggle }
      : lessonsSide;
  const inspector = usePanel("inspector", { size: 320, open: true }, { min: 240, max: 640 });
  const inspectorCollapsed = useAppStore(inspectorEmpty);
  return (
    // Below Tailwind's md breakpoint (a phone) the columns stack into one page that scrolls down: the
    // lesson to read first, then the graph, its log and the inspector, each the window's full width.
    <div className="grid h-full grid-cols-[minmax(0,1fr)] grid-rows-[auto_1fr] bg-white text-slate-900 max-md:h-auto max-md:min-h-full">
      {/* The first tab stop: past the header and the lesson list, straight to the request bar and graph.
          A button, not a link: focus moves without touching the address, whose fragment may hold a share link. */}
      <button
        type="button"
        className="sr-only z-50 rounded bg-white px-3 py-2 font-medium text-k8s-deep text-sm shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        onClick={() => document.getElementById("cluster")?.focus()}
      >
        {t("skip.cluster")}
      </button>
      {/* One row on a laptop: the tagline takes only the room left over, cut short with the whole of it on
          hover, so that the header never wraps to a second row the graph would pay for (issue 14). */}
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-slate-200 border-b bg-k8s-deep px-4 py-2 text-white lg:flex-nowrap">
        <PanelToggle panel={side} controls="side-panel" label={t("layout.side")} />
        <h1 className="whitespace-nowrap font-bold text-lg tracking-tight">{t("app.title")}</h1>
        <p
          className="min-w-0 flex-1 basis-0 truncate text-sm text-white max-lg:hidden"
          title={t("app.tagline")}
        >
          {t("app.tagline")}
        </p>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
          <ConsoleButton />
          <ModeSwitch />
          <LanguageSwitch />
          <PanelToggle panel={inspector} controls="inspector-panel" label={t("layout.inspector")} />
        </div>
      </header>
      <div className="flex min-h-0 max-md:flex-col">
        <SidePanelFrame panel={side} side="left" id="side-panel" resizeLabel={t("layout.resizeSide")}>
          <ShareNotice />
          <OtherTabNotice />
          <div className="min-h-0 flex-1">
            <SidePanel
              manifests={
                <Lazy>
                  <EditorPanel />
                </Lazy>
              }
            />
          </div>
        </SidePanelFrame>
        <main
          id="cluster"
          tabIndex={-1}
          className="flex min-w-0 flex-1 flex-col outline-none"
          aria-label={t("region.cluster")}
        >
          {timeMode ? (
            <Lazy className="px-3 py-2">
              <ClockBar />
            </Lazy>
          ) : (
            <>
              <RequestBar />
              <div className="border-slate-200 border-b bg-slate-50 px-3 py-1">
                <PlaybackControls />
              </div>
            </>
          )}
          <div className="min-h-0 flex-1 max-md:h-[70vh] max-md:flex-none">
            <ClusterGraph />
          </div>
          {consoleOpen && (
            <Suspense
              fallback={
                <p className="h-56 bg-slate-900 p-3 text-slate-300 text-xs">{t("console.loading")}</p>
              }
            >
              <ConsolePanel />
            </Suspense>
          )}
          {timeMode ? (
            <Lazy>
              <TimePanel />
            </Lazy>
          ) : (
            // As tall as its lines, up to a few of them: an empty log is one line and leaves the graph the rest.
            <div className="flex max-h-40 min-h-0 shrink-0 flex-col max-md:max-h-72">
              <RequestLog />
            </div>
          )}
        </main>
        <SidePanelFrame
          panel={inspector}
          side="right"
          collapsed={inspectorCollapsed}
          id="inspector-panel"
          resizeLabel={t("layout.resizeInspector")}
        >
          <Inspector />
        </SidePanelFrame>
      </div>
    </div>
  );
}
