import { useEffect, useState } from "react";
import type { Cluster, IngressSummary, Ref } from "../../engine/index.ts";
import { firstScreenDrawn } from "../firstScreen.ts";
import { inNextTask } from "../nextTask.ts";
import type { GraphModel } from "./layout.ts";
import {
  createLayoutService,
  type LaidOut,
  type LayoutRequest,
  layoutInput,
  withRouter,
} from "./layoutService.ts";

type Layout = (request: Omit<LayoutRequest, "id">) => Promise<LaidOut>;

/** The layout worker, started with the first drawing; in place where there is no Worker (unit tests). */
function startLayout(): Layout {
  let nextId = 1;
  if (typeof Worker === "undefined") {
    const service = createLayoutService();
    return async (request) => service({ ...request, id: nextId++ });
  }
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
      // As JSON text, which the page writes in half the time the structured clone of the same objects
      // takes (issue 16 item 3: for a 2 MiB import's 9,000 pods, a 76 ms task of the page's, 12 MB).
      worker.postMessage(JSON.stringify({ ...request, id }));
    });
}

let started: Layout | null = null;

export interface LayoutOptions {
  foldDns: boolean;
  externalHosts: readonly string[];
  ingresses: readonly IngressSummary[];
  openNodes: readonly Ref[];
}

/**
 * The cluster laid out in the layout worker (layoutService.ts), so the page never waits for it: the
 * drawing before stays on screen until the new one arrives, and an answer overtaken by a newer
 * request is dropped.
 */
export function useLayout(cluster: Cluster | null, options: LayoutOptions): GraphModel | null {
  const [model, setModel] = useState<GraphModel | null>(null);
  const { foldDns, externalHosts, ingresses, openNodes } = options;
  // Started with the page, so that its code loads while the engine builds the first cluster.
  useEffect(() => {
    started ??= startLayout();
  }, []);
  useEffect(() => {
    if (!cluster) {
      setModel(null);
      return;
    }
    let current = true;
    // Sent in a task of its own: copying a large cluster to the worker took tens of milliseconds, on top
    // of the render that brought the cluster (issue 16 item 3: no task over 100 ms).
    const cancel = inNextTask(() => {
      started ??= startLayout();
      void started({ cluster: layoutInput(cluster), foldDns, externalHosts, ingresses, openNodes }).then(
        (laidOut) => {
          if (!current) return;
          setModel(withRouter(laidOut));
          firstScreenDrawn();
        },
      );
    });
    return () => {
      current = false;
      cancel();
    };
  }, [cluster, foldDns, externalHosts, ingresses, openNodes]);
  return model;
}
