import { expect, test } from "@playwright/test";
import { ConsolePanel } from "./pages/ConsolePanel.ts";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GatewayView } from "./pages/GatewayView.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { IngressView } from "./pages/IngressView.ts";
import { LabPage } from "./pages/LabPage.ts";

const ECHO = "echo.v1.Echo";

/** One Gateway with an HTTP listener (for gRPC over h2c) and a TLS Passthrough listener, as the conformance tests write them. */
const ROUTES = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: echo}
spec:
  parentRefs: [{name: edge}]
  hostnames: [grpc.example.com]
  rules:
  - matches: [{method: {service: ${ECHO}, method: Echo}}]
    backendRefs: [{name: echo-v1, port: 8080}]
  - matches: [{method: {service: ${ECHO}}}]
    backendRefs: [{name: echo-v2, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: secure}
spec:
  parentRefs: [{name: edge}]
  hostnames: [secure.example.com]
  rules: [{backendRefs: [{name: echo-v1, port: 8080}]}]
${["echo-v1", "echo-v2"]
  .map(
    (name) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: echo, ports: [{containerPort: 3000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: 8080, targetPort: 3000}]
`,
  )
  .join("")}`;

test("a GRPCRoute and a TLSRoute traced in the browser: the method picks the backend, the SNI picks the route", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  const sandbox = new IngressView(page);
  const editor = new EditorPanel(page);
  const gw = new GatewayView(page);
  const terminal = new ConsolePanel(page);
  await lab.open();
  await sandbox.openSandbox();
  await editor.show();
  await editor.paste(ROUTES);
  await editor.expectNoErrors();
  await expect(gw.gateway("edge")).toContainText("tls: TLS 443");
  await expect(gw.route("GRPCRoute", "echo")).toContainText("grpc.example.com");
  await expect(gw.route("TLSRoute", "secure")).toContainText("secure.example.com");

  // gRPC is an HTTP/2 POST to /SERVICE/METHOD: the console's curl sends one.
  await terminal.open();
  await terminal.run(`curl -X POST http://grpc.example.com/${ECHO}/Echo`);
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  await expect(graph.log.getByRole("listitem").last()).toContainText(/pod\/default\/echo-v1-/);
  await graph.log.getByRole("listitem").last().click();
  await expect(sandbox.hop("l7-route")).toContainText(`gRPC call ${ECHO}/Echo`);
  await expect(sandbox.hop("l7-route")).toContainText("spec.rules[0].matches[0]");

  // Another method of the service falls to the service-only match.
  await terminal.run(`curl -X POST http://grpc.example.com/${ECHO}/EchoTwo`);
  await expect(graph.log.getByRole("listitem").last()).toContainText(/pod\/default\/echo-v2-/, {
    timeout: 30_000,
  });

  // TLS Passthrough: Envoy reads the SNI and passes the stream on without decrypting it.
  await graph.sendRequest("client/external", "https://secure.example.com/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  await graph.log.getByRole("listitem").last().click();
  await expect(sandbox.hop("l7-route")).toContainText("without decrypting");
  await expect(sandbox.hop("l7-route")).toContainText("tlsroute/default/secure");
  // An SNI no TLSRoute has: the connection is closed.
  await graph.sendRequest("client/external", "https://other.example.com/");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", /refused|timeout|nxdomain/, {
    timeout: 30_000,
  });
  await lab.screenshot("gateway-grpc-tls");
});
