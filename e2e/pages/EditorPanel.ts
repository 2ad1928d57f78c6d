import { expect, type Locator, type Page } from "@playwright/test";

/** The manifest editor in the left column, as a learner uses it: roles, labels and visible text. */
export class EditorPanel {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly textbox: Locator;
  readonly problems: Locator;
  readonly staleBanner: Locator;
  readonly toolbar: Locator;
  /** The alert that the text on screen could not be saved. */
  readonly notSaved: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole("tab", { name: "Manifests" });
    this.panel = page.getByRole("region", { name: "Manifests" });
    this.textbox = this.panel.getByRole("textbox", { name: /^YAML of / });
    this.problems = this.panel.getByRole("region", { name: /^Problems/ });
    this.staleBanner = this.panel.getByText(
      "The manifests have errors: the graph still shows the last valid cluster.",
    );
    this.toolbar = this.panel.getByRole("toolbar", { name: "Editor actions" });
    this.notSaved = this.panel
      .getByRole("alert")
      .filter({ hasText: /^Not saved: this browser's storage is full/ });
  }

  async show(): Promise<void> {
    await this.tab.click();
    await expect(this.textbox).toBeVisible();
  }

  button(name: string): Locator {
    return this.toolbar.getByRole("button", { name, exact: true });
  }

  /** Types at the end of the text, as a paste would (no auto-indent). */
  async appendText(text: string): Promise<void> {
    await this.textbox.click();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.insertText(text);
  }

  /** Replaces the whole text with `text` through the clipboard: select all, then Ctrl+V, as a person pastes. */
  async paste(text: string): Promise<void> {
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.textbox.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("ControlOrMeta+v");
  }

  /** Opens a file through "Import…" and the file chooser, as a person picks one. */
  async importFile(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent("filechooser");
    await this.button("Import…").click();
    await (await chooser).setFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
  }

  /** Clicks the line showing `line`, goes to its end and replaces its last `remove` characters, as a person would. */
  async replaceLineEnd(line: string, remove: number, insert: string): Promise<void> {
    await this.panel.locator(".cm-line", { hasText: line }).first().click();
    await this.page.keyboard.press("End");
    for (let i = 0; i < remove; i++) await this.page.keyboard.press("Backspace");
    await this.page.keyboard.insertText(insert);
  }

  /** The editor's line that carries an error marker and contains `text`. */
  markedLine(text: string): Locator {
    return this.panel.locator(".cm-line", { has: this.page.locator(".cm-lintRange-error"), hasText: text });
  }

  /** The "Simulator limits" disclosure under the problems, opened: the simulator's own size limits. */
  async openLimits(): Promise<Locator> {
    const limits = this.problems.getByRole("group");
    await limits.getByText(/^(Simulator limits|シミュレーターの上限)$/).click();
    return limits;
  }

  problem(text: string | RegExp): Locator {
    return this.problems.getByRole("button", { name: text });
  }

  /**
   * The manifests load without errors: the list says "No problems", or holds warnings only (the API
   * server's, like spec.externalIPs' deprecation, which the sandbox's external-IP Service draws).
   */
  async expectNoErrors(): Promise<void> {
    await expect(this.problems).toContainText(/No problems|▲/);
    await expect(this.problems.getByRole("button", { name: /^Error: / })).toHaveCount(0);
  }

  /** The text of the editor, as CodeMirror shows it (it renders only the lines on screen, so scroll first). */
  async text(): Promise<string> {
    return this.textbox.evaluate((el) =>
      Array.from(el.querySelectorAll(".cm-line"))
        .map((line) => line.textContent ?? "")
        .join("\n"),
    );
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
