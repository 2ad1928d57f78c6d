import { expect, test } from "@playwright/test";
import { ConsolePanel } from "./pages/ConsolePanel.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

test("kube-proxy's mode is a cluster setting: a node shows its rules as each mode's tools list them, and its shell runs them", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const editor = new EditorPanel(page);
  const terminal = new ConsolePanel(page);
  await lab.open();
  await lessons.openLesson(/Lesson 3: ClusterIP/);

  // iptables by default: iptables-save's chains.
  await graph.selectNode("node-1");
  const mode = graph.inspector.getByRole("combobox", { name: "kube-proxy mode" });
  await expect(mode).toHaveValue("iptables");
  await expect(
    graph.inspector.getByRole("region", { name: /kube-proxy rules.*: iptables-save$/ }),
  ).toContainText("KUBE-SERVICES");

  // nftables: the kube-proxy table, and the ConfigMap kube-proxy reads is written in the manifests.
  await mode.selectOption("nftables");
  const table = graph.inspector.getByRole("region", { name: /: nft list table ip kube-proxy$/ });
  await expect(table).toContainText("table ip kube-proxy {");
  await expect(table).toContainText("vmap @service-ips");
  await expect(graph.inspector).toContainText("No NodePorts on 127.0.0.1");
  await terminal.open();
  await terminal.run("kubectl debug node/node-1 -it --image=busybox");
  await terminal.run("nft list table ip kube-proxy");
  await expect(terminal.output).toContainText("chain services {");
  await terminal.run("exit");

  // ipvs: deprecated, said so; ipvsadm lists the virtual servers with the rr scheduler.
  await mode.selectOption("ipvs");
  await expect(graph.inspector).toContainText("Deprecated since Kubernetes 1.35");
  await expect(graph.inspector.getByRole("region", { name: /: ipvsadm -Ln$/ })).toContainText(
    /TCP {2}10\.\d+\.\d+\.\d+:80 rr/,
  );
  await terminal.run("kubectl debug node/node-1 -it --image=busybox");
  await terminal.run("ipvsadm -Ln");
  await expect(terminal.output).toContainText("Prot LocalAddress:Port Scheduler Flags");
  await terminal.run("exit");

  // One source of truth: the mode is the ConfigMap kube-proxy reads, written in the manifests.
  await editor.show();
  await editor.textbox.click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(editor.textbox).toContainText("kind: KubeProxyConfiguration");
});
