import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { LabPage } from "./pages/LabPage.ts";

test("a Service with spec.externalIPs gets the API server's deprecation warning in the editor, and still works", async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const editor = new EditorPanel(page);
  await editor.show();
  // The sandbox's web-external-ip Service: accepted with a warning, as kubectl apply would print it.
  const warning = editor.problem(
    /^Warning: .*spec\.externalIPs: deprecated since Kubernetes 1\.36 \(KEP-5707\)/,
  );
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('"Warning: spec.externalIPs is deprecated"');
  await editor.expectNoErrors();
  await lab.screenshot("externalips-deprecated");
});
