import firstBuild from "virtual:svclab/first-build";
import { useEffect, useState } from "react";
import type { Cluster } from "../../engine/index.ts";
import { knownFirstLayout, withKnownFirstAnswer } from "../engine/firstBuild.ts";
import { afterFirstScreen, firstScreenDrawn } from "../firstScreen.ts";
import { inNextTask } from "../nextTask.ts";
import type { GraphModel } from "./layout.ts";
import type { LayoutOptions } from "./layoutOptions.ts";
import { type LaidOut, type Layout, layoutMessage, withRouter } from "./layoutService.ts";

/**
 * The layout worker. No copy of the layout runs on the page, as none of the engine does (client.ts): the
 * layout's code in the page's first bundle cost 6 KiB gzipped (issue 15: a light first load).
 */
function startLayout(): Layout {
  let nextId = 1;
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), {
    type: "module",
    name: "svclab-layout",
  });
  const pending = new Map<number, (laidOut: LaidOut) => void>();
  worker.onmessage = (event: MessageEvent<LaidOut>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  return (request) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage(layoutMessage({ ...request, id }));
    });
}

/**
 * The page's layout: a first visit's first drawing as recorded with the build, so that the first screen
 * neither fetches nor waits for the worker's code (issue 15: a light first load); the worker starts once
 * that drawing is on screen, and lays out every other request.
 */
const layout = withKnownFirstAnswer(knownFirstLayout(firstBuild), startLayout, afterFirstScreen);

/**
 * The cluster laid out in the layout worker (layoutService.ts), so the page never waits for it: the
 * drawing before stays on screen until the new one arrives, and an answer overtaken by a newer
 * request is dropped.
 */
export function useLayout(cluster: Cluster | null, options: LayoutOptions): GraphModel | null {
  const [model, setModel] = useState<GraphModel | null>(null);
  const { foldDns, externalHosts, ingresses, openNodes } = options;
  useEffect(() => {
    if (!cluster) {
      setModel(null);
      return;
    }
    let current = true;
    // Sent in a task of its own: copying a large cluster to the worker took tens of milliseconds, on top
    // of the render that brought the cluster (issue 16 item 3: no task over 100 ms).
    const cancel = inNextTask(() => {
      void layout({ cluster, foldDns, externalHosts, ingresses, openNodes }).then((laidOut) => {
        if (!current) return;
        setModel(withRouter(laidOut));
        firstScreenDrawn();
      });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [cluster, foldDns, externalHosts, ingresses, openNodes]);
  return model;
}
