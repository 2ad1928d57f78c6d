import { expect, type Locator, type Page } from "@playwright/test";

/** The accessible names the panel is found by, in the app's language. */
export interface PanelNames {
  requests: string;
  from: string;
  to: string;
  send: string;
  sendMany: RegExp;
  batchSize: string;
  log: string;
  inspector: string;
  search: string;
  /** The inspector's heading for a request it shows. */
  request: RegExp;
}

export const ENGLISH_NAMES: PanelNames = {
  requests: "Requests",
  from: "From",
  to: "To",
  send: "Send",
  sendMany: /^Send \d+$/,
  batchSize: "Requests per batch",
  log: "Request log",
  inspector: "Inspector",
  search: "Search",
  request: /^Request #\d+/,
};

/** The cluster graph, the request bar, the packets, the log and the inspector, as a learner uses them. */
export class GraphPanel {
  readonly from: Locator;
  readonly to: Locator;
  readonly send: Locator;
  readonly sendMany: Locator;
  readonly batchSize: Locator;
  readonly log: Locator;
  readonly inspector: Locator;
  readonly packets: Locator;
  readonly search: Locator;

  constructor(
    readonly page: Page,
    readonly names: PanelNames = ENGLISH_NAMES,
  ) {
    const requests = page.getByRole("form", { name: names.requests });
    this.from = requests.getByLabel(names.from);
    this.to = requests.getByLabel(names.to);
    this.send = requests.getByRole("button", { name: names.send, exact: true });
    this.sendMany = requests.getByRole("button", { name: names.sendMany });
    this.batchSize = requests.getByLabel(names.batchSize);
    this.log = page.getByRole("log", { name: names.log });
    this.inspector = page.getByRole("complementary", { name: names.inspector });
    this.packets = page.getByTestId("packet");
    this.search = page.getByRole("searchbox", { name: names.search });
  }

  pod(name: string): Locator {
    return this.page.getByRole("article", { name: `Pod ${name}`, exact: true });
  }

  service(name: string): Locator {
    return this.page.getByRole("article", { name: `Service ${name}`, exact: true });
  }

  /** A namespace's Services drawn as one box (a cluster with hundreds of Services). */
  serviceGroup(namespace: string): Locator {
    return this.page.getByRole("region", { name: `Services in namespace ${namespace}`, exact: true });
  }

  node(name: string): Locator {
    return this.page.getByRole("region", { name: `Node ${name}`, exact: true });
  }

  /** A closed node's pods drawn as squares in it, once the view is zoomed in (a large cluster). */
  podSquares(node: string): Locator {
    return this.node(node)
      .getByRole("list", { name: `Pods on ${node}`, exact: true })
      .getByRole("button");
  }

  /** Zooms in with the mouse wheel over `box` until `seen` is visible (at most `turns` turns of the wheel). */
  async zoomInOn(box: Locator, seen: Locator, turns = 20): Promise<void> {
    const at = await box.boundingBox();
    if (!at) throw new Error("the box to zoom in on is not drawn");
    await this.page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    for (let i = 0; i < turns && !(await seen.isVisible()); i++) {
      await this.page.mouse.wheel(0, -200);
      await this.page.waitForTimeout(100);
    }
    await expect(seen).toBeVisible();
  }

  /** A host outside the cluster, drawn as a box (an ExternalName target, a selector-less Service's address). */
  external(host: string): Locator {
    return this.page.getByRole("article", { name: `Outside host ${host}`, exact: true });
  }

  loadBalancer(name: string): Locator {
    return this.page.getByRole("article", { name: `Load balancer ${name}`, exact: true });
  }

  /** The boxes lit as endpoints of the Service under the pointer or the keyboard focus. */
  litBoxes(): Locator {
    return this.page.locator('.react-flow__node [data-lit="true"]');
  }

  /** Puts the keyboard focus on a Service's box, as Tab would. */
  async focusService(name: string): Promise<void> {
    await this.service(name).locator("xpath=ancestor::*[contains(@class,'react-flow__node')][1]").focus();
  }

  /** The colours a Service's links to its endpoints are drawn in. */
  async linkColours(service: string): Promise<string[]> {
    return this.page
      .locator(`.react-flow__edge[data-id*=":svc/${service}->"] path.react-flow__edge-path`)
      .evaluateAll((paths) => [...new Set(paths.map((p) => getComputedStyle(p).stroke))]);
  }

  /** The words drawn on the graph's lines (a CNAME, when a node was ejected). */
  edgeLabels(): Locator {
    return this.page.locator(".react-flow__edge-textwrapper");
  }

  /** A pod's containers, as the graph shows them below the pod while it is selected. */
  containers(pod: string): Locator {
    return this.page.getByRole("region", { name: `Containers of ${pod}`, exact: true });
  }

  /** The smallest text on screen, in px: in the graph's boxes (at the zoom shown) and in the rest of the page. */
  async smallestText(): Promise<{ graph: number; page: number }> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector(".react-flow__viewport");
      const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
      const sizes = { graph: Number.POSITIVE_INFINITY, page: Number.POSITIVE_INFINITY };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (!element || !walker.currentNode.textContent?.trim()) continue;
        if (element.getClientRects().length === 0 || getComputedStyle(element).visibility === "hidden")
          continue;
        const px = Number.parseFloat(getComputedStyle(element).fontSize);
        if (element.closest(".react-flow__viewport")) sizes.graph = Math.min(sizes.graph, px * zoom);
        else sizes.page = Math.min(sizes.page, px);
      }
      return sizes;
    });
  }

  /** The instants (seconds of the Time view's clock) the packets on the graph were sent at. */
  async packetsSentAt(): Promise<number[]> {
    return this.packets.evaluateAll((buttons) =>
      buttons.map((b) => Number((b as HTMLElement).dataset.sentAt ?? Number.NaN)),
    );
  }

  /** The hop the inspected packet is at, as the inspector's hop list marks it. */
  currentHop(): Locator {
    return this.inspector.locator('li[aria-current="step"]');
  }

  /** The caption over the graph naming the inspected packet's current hop. */
  stepCaption(): Locator {
    return this.page.getByRole("region", { name: "Hops" }).filter({ hasText: /^Hop \d+ of \d+/ });
  }

  /** The graph box marked as where the stepped packet's current hop acted. */
  steppedBox(): Locator {
    return this.page.locator(".react-flow__node.stepped-at");
  }

  /** Finds a Service or pod by name: `/` to the search box, the name, Enter. */
  async find(name: string): Promise<void> {
    await this.page.locator("body").press("/");
    await expect(this.search).toBeFocused();
    await this.search.fill(name);
    await this.search.press("Enter");
  }

  /** Picks how many requests "Send N" sends, then sends them. */
  async sendBatch(size: number): Promise<void> {
    await this.batchSize.selectOption(String(size));
    await this.sendMany.click();
  }

  async sendRequest(from: string, to: string): Promise<void> {
    await this.from.selectOption(from);
    await this.to.fill(to);
    await this.send.click();
  }

  /** The hops of the request the inspector shows, as the learner reads them. */
  hops(): Locator {
    return this.inspector.getByRole("list").last().getByRole("listitem");
  }

  /** Opens a logged request's hops in the inspector: its line in the request log. */
  async openHops(index: number): Promise<void> {
    await this.log.getByRole("button").nth(index).click();
    await expect(this.inspector.getByRole("heading", { name: this.names.request })).toBeVisible();
    await expect(this.hops().first()).toBeVisible();
  }

  /** Opens a request of the log in the inspector and reads its hops' kinds, in order (`dns`, `dnat`...). */
  async hopKinds(request: Locator): Promise<string[]> {
    await request.click();
    await expect(this.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
    const items = await this.inspector.getByRole("listitem").allTextContents();
    return items.flatMap((text) => /^\s*\d+\. (\S+)/.exec(text)?.[1] ?? []);
  }

  /** The packet of the newest request, once it has finished. */
  lastFinishedPacket(): Locator {
    return this.packets.last();
  }

  async selectNode(name: string): Promise<void> {
    // Its name, wherever the zoom puts it: a fixed offset can land on one of its pods when the graph is small.
    await this.node(name).getByRole("heading", { name, exact: true }).click();
    await expect(this.inspector.getByRole("heading", { name: `Node ${name}` })).toBeVisible();
  }

  async selectService(name: string): Promise<void> {
    const heading = this.inspector.getByRole("heading", { name: `Service ${name}` });
    // Clicked again if the graph was still fitting itself to a new lesson when the pointer came down.
    await expect(async () => {
      await this.service(name).click();
      await expect(heading).toBeVisible({ timeout: 2_000 });
    }).toPass();
  }

  /** Boxes marked as appearing or fading after a rebuild (the marks last about 300 ms). */
  motion(kind: "entering" | "leaving"): Locator {
    return this.page.locator(`.react-flow__node[data-motion="${kind}"]`);
  }

  /** What each packet button says: its stream, where it is (or ended), how it ended, whether its label is drawn. */
  async packetStates(): Promise<{ stream: string; at: string; outcome: string; labelled: boolean }[]> {
    return this.packets.evaluateAll((buttons) =>
      buttons.map((b) => {
        const d = (b as HTMLElement).dataset;
        return {
          stream: d.stream ?? "",
          at: d.at ?? "",
          outcome: d.outcome ?? "",
          labelled: d.labelled === "true",
        };
      }),
    );
  }

  /** The segments drawn as packets' paths, each with the count written on it (empty for a single packet). */
  async flows(): Promise<{ segment: string; count: string }[]> {
    return this.page
      .locator("[data-flow]")
      .evaluateAll((segments) =>
        segments.map((g) => ({ segment: g.getAttribute("data-flow") ?? "", count: g.textContent ?? "" })),
      );
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
