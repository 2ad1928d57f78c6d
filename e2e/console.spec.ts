import { expect, test } from "@playwright/test";
import { ConsolePanel } from "./pages/ConsolePanel.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

test("the console answers kubectl as a real cluster would, and its changes and requests show in the graph", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const terminal = new ConsolePanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await expect(graph.service("web")).toContainText(/10\.\d+\.\d+\.\d+/);

  // The ` key opens it, and Escape closes it; the button opens it again.
  await page.locator("body").press("`");
  await expect(terminal.input).toBeFocused();
  await terminal.input.press("Escape");
  await expect(terminal.region).toBeHidden();
  await terminal.open();

  // kubectl get svc: kubectl's columns, the kubernetes Service and web with its ClusterIP.
  await terminal.run("kubectl get svc");
  await expect(terminal.output).toContainText(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
  await expect(terminal.output).toContainText(/web\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP/);

  // An invalid command: kubectl's own error and its usage hint.
  await terminal.run("kubectl gte pods");
  await expect(terminal.output).toContainText('error: unknown command "gte" for "kubectl"');
  await expect(terminal.output).toContainText("Did you mean this?");
  await expect(terminal.output).toContainText("Run 'kubectl --help' for usage.");

  // kubectl scale edits the manifests: the Deployment's replicas, and the graph grows to five pods.
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(3);
  await terminal.run("kubectl scale deploy web --replicas=5");
  await expect(terminal.output).toContainText("deployment.apps/web scaled");
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(5);

  // kubectl exec client -- curl: a packet travels from client, and the pod that answered is the body.
  const before = await graph.packets.count();
  await terminal.run("kubectl exec client -- curl -s http://web/");
  await expect(graph.packets).toHaveCount(before + 1);
  await expect(graph.log).toContainText("pod/default/client");
  await expect(terminal.line(/^web-[a-z0-9]+-[a-z0-9]{5}$/)).toBeVisible();

  // History: Up brings back the last command.
  await terminal.input.press("ArrowUp");
  await expect(terminal.input).toHaveValue("kubectl exec client -- curl -s http://web/");
  // Ctrl+L clears the log.
  await terminal.input.press("Control+l");
  await expect(terminal.output).not.toContainText("deployment.apps/web scaled");
  await lab.screenshot("console-curl");
});

test("lesson 3 done entirely from the console: curl to the ClusterIP, from outside, and nslookup", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const terminal = new ConsolePanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await terminal.open();

  // Tab completes a verb, a kind and a name.
  await terminal.input.fill("kubectl ge");
  await terminal.input.press("Tab");
  await expect(terminal.input).toHaveValue("kubectl get ");
  await terminal.input.pressSequentially("servi");
  await terminal.input.press("Tab");
  await expect(terminal.input).toHaveValue("kubectl get services ");
  await terminal.input.pressSequentially("w");
  await terminal.input.press("Tab");
  await expect(terminal.input).toHaveValue("kubectl get services web ");
  await terminal.input.pressSequentially("-o jsonpath={.spec.clusterIP}");
  await terminal.input.press("Enter");
  const answer = terminal.line(/^10\.\d+\.\d+\.\d+$/);
  await expect(answer).toBeVisible();
  const clusterIP = await answer.textContent();

  await terminal.run(`kubectl exec client -- curl -sv http://${clusterIP}/`);
  await expect(terminal.output).toContainText("< HTTP/1.1 200 OK");
  await lessons.expectStepDone(/Send a request from client to the Service's ClusterIP/);

  await lessons.button("Next step →").click();
  await terminal.run(`curl -sS http://${clusterIP}/`);
  await expect(terminal.output).toContainText(`curl: (28) Failed to connect to ${clusterIP} port 80`);
  await lessons.expectStepDone(/Try the same address from outside/);

  await lessons.button("Next step →").click();
  await terminal.run("kubectl exec client -- nslookup kubernetes.default");
  await expect(terminal.output).toContainText("Address: 10.96.0.1");
  await lessons.expectStepDone(/Find the kubernetes Service by name/);

  await lessons.button("Next step →").click();
  await terminal.run("kubectl exec client -- curl -sv http://web/");
  await expect(terminal.output).toContainText("* Connected to web (10.");
  await lessons.expectStepDone(/Call web by name from the console/);
  await expect(page.getByRole("status").filter({ hasText: "Lesson complete" })).toBeVisible();

  // The same packets as by clicking: the request bar's request takes the same hops as the console's curl.
  const graph = new GraphPanel(page);
  await graph.sendRequest("pod/default/client", "http://web/");
  const typed = await graph.hopKinds(
    graph.log.getByRole("button").filter({ hasText: "http://web/" }).first(),
  );
  const clicked = await graph.hopKinds(
    graph.log.getByRole("button").filter({ hasText: "http://web/" }).last(),
  );
  expect(typed.length).toBeGreaterThan(2);
  expect(clicked).toEqual(typed);

  // The lesson's kubectl commands are runnable: a click types one into the console.
  await page.getByRole("button", { name: "kubectl exec client -- cat /etc/resolv.conf" }).click();
  await expect(terminal.input).toHaveValue("kubectl exec client -- cat /etc/resolv.conf");
  await terminal.input.press("Enter");
  await expect(terminal.output).toContainText("options ndots:5");
  await lab.screenshot("console-lesson-3");
});

test("kubectl cordon and drain write the Node's spec.unschedulable, and the graph shows its pods move", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const editor = new EditorPanel(page);
  const terminal = new ConsolePanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await expect(graph.node("node-2")).toContainText("1 pod");
  await terminal.open();

  await terminal.run("kubectl cordon node-2");
  await expect(terminal.output).toContainText("node/node-2 cordoned");
  await expect(graph.node("node-2")).toContainText("SchedulingDisabled");
  await terminal.run("kubectl get nodes");
  await expect(terminal.output).toContainText(/node-2\s+Ready,SchedulingDisabled/);
  // Cordoning moves nothing: the pod on node-2 stays.
  await expect(graph.node("node-2")).toContainText("1 pod");

  // drain evicts it, and its Deployment's replacement runs on another node.
  await terminal.run("kubectl drain node-2 --ignore-daemonsets");
  await expect(terminal.output).toContainText("node/node-2 already cordoned");
  await expect(terminal.line(/^evicting pod default\/web-/)).toBeVisible();
  await expect(terminal.output).toContainText("node/node-2 drained");
  await expect(graph.node("node-2")).toContainText("0 pods");
  await expect(page.getByRole("article", { name: /^Pod web-/ })).toHaveCount(3);

  // A pod no controller would bring back: kubectl refuses without --force.
  await terminal.run("kubectl drain node-3");
  await expect(terminal.output).toContainText(
    "error: cannot delete Pods that declare no controller (use --force to override): default/client",
  );
  await lab.screenshot("console-drain");

  await terminal.run("kubectl uncordon node-2");
  await expect(terminal.output).toContainText("node/node-2 uncordoned");
  await expect(graph.node("node-2")).not.toContainText("SchedulingDisabled");
  // One source of truth: the editor shows the Nodes kubectl wrote.
  await editor.show();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(editor.textbox).toContainText("kind: Node");
});

test("the console steps of lessons 5, 7 and 9 are met by typing, as the engine saw them", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const terminal = new ConsolePanel(page);
  await lab.open();

  await lessons.openLesson(/Lesson 5: NodePort/);
  await lessons.button(/Call the node port from a node's shell/).click();
  await terminal.open();
  await terminal.run("kubectl debug node/node-3 -it --image=busybox");
  await terminal.run("iptables-save -t nat");
  await expect(terminal.output).toContainText("KUBE-NODEPORTS");
  await terminal.run("curl -s http://192.168.0.13:30080/");
  await expect(terminal.line(/^web-[a-z0-9]+-[a-z0-9]{5}$/)).toBeVisible();
  await lessons.expectStepDone(/Call the node port from a node's shell/);
  await terminal.run("exit");

  await lessons.button("← All lessons").click();
  await lessons.openLesson(/Lesson 7: Headless/);
  await lessons.button(/Scale the StatefulSet from the console/).click();
  await terminal.run("kubectl scale statefulset db --replicas=4");
  await expect(terminal.output).toContainText("statefulset.apps/db scaled");
  await terminal.run("kubectl exec client -- nslookup db-3.db");
  await expect(terminal.output).toContainText("Name:\tdb-3.db.default.svc.cluster.local");
  await lessons.expectStepDone(/Scale the StatefulSet from the console/);

  await lessons.button("← All lessons").click();
  await lessons.openLesson(/Lesson 9: Services without a selector/);
  await lessons.button(/Write an Endpoints object from the console/).click();
  await terminal.run("kubectl apply -f - <<EOF");
  for (const line of [
    "apiVersion: v1",
    "kind: Service",
    "metadata:",
    "  name: legacy-api",
    "spec:",
    "  ports:",
    "    - port: 80",
    "---",
    "apiVersion: v1",
    "kind: Endpoints",
    "metadata:",
    "  name: legacy-api",
    "subsets:",
    "  - addresses:",
    "      - ip: 192.0.2.30",
    "    ports:",
    "      - port: 80",
  ])
    await terminal.run(line);
  await terminal.run("EOF");
  await expect(terminal.output).toContainText("endpoints/legacy-api created");
  await expect(terminal.output).toContainText("Warning: v1 Endpoints is deprecated in v1.33+");
  await terminal.run("kubectl exec client -- curl -s http://legacy-api/");
  await lessons.expectStepDone(/Write an Endpoints object from the console/);
  await lab.screenshot("console-lesson-9");
});

test("the inspector prints a selected object with the console's kubectl printers", async ({ page }) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const terminal = new ConsolePanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);
  await graph.selectService("web");
  await expect(graph.inspector).toContainText("$ kubectl get service web -o wide --show-labels");
  const clusterIP = graph.inspector.getByRole("definition").filter({ hasText: /^10\.\d+\.\d+\.\d+$/ });
  await expect(clusterIP).toHaveCount(1);
  // kubectl describe's port lines: the targetPort and the endpoints behind it.
  await expect(graph.inspector).toContainText("TargetPort");
  await expect(graph.inspector).toContainText(/10\.244\.\d\.\d+:80,/);
  await terminal.open();
  await terminal.run("kubectl get svc web -o wide");
  await expect(terminal.output).toContainText(`web   ClusterIP   ${await clusterIP.textContent()}`);
  await lab.screenshot("inspector-kubectl-service");

  await graph.selectNode("node-2");
  await expect(graph.inspector).toContainText("INTERNAL-IP");
  await expect(graph.inspector).toContainText("192.168.0.12");
  await page.getByLabel("Language").selectOption("ja");
  await lab.screenshot("inspector-kubectl-node-ja");
});
