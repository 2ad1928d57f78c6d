import { expect, test } from "@playwright/test";
import { EditorPanel } from "./pages/EditorPanel.ts";
import { GraphPanel } from "./pages/GraphPanel.ts";
import { IngressView } from "./pages/IngressView.ts";
import { LabPage } from "./pages/LabPage.ts";
import { LessonPanel } from "./pages/LessonPanel.ts";

/** A second path under the Ingress's only rule, typed at the end of ingress.yaml. */
const cartPath = `          - path: /cart
            pathType: Prefix
            backend:
              service:
                name: cart
                port:
                  name: http
`;

test("HTTPS to an Ingress host is terminated at ingress-nginx, routed by path and delivered to the right Service's pod", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const graph = new GraphPanel(page);
  const ingress = new IngressView(page);
  await lab.open();
  await ingress.openSandbox();
  await ingress.loadSample("Ingress with ingress-nginx");

  // The Ingress is drawn with its class, TLS badge and rules; nginx's controller is its front door.
  const shop = ingress.ingress("shop");
  await expect(shop).toBeVisible();
  await expect(shop).toContainText("nginx");
  await expect(shop).toContainText("TLS");
  await expect(shop).toContainText("/cart → cart:http");
  await expect(ingress.loadBalancer("ingress-nginx/ingress-nginx-controller")).toContainText("198.51.100.");
  await expect(ingress.loadBalancer("ingress/default/shop")).toHaveCount(0);
  await expect(graph.service("ingress-nginx-controller")).toBeVisible();
  await expect(page.getByRole("article", { name: /^Pod ingress-nginx-controller-/ })).toBeVisible();
  await lab.screenshot("ingress-sample");

  await graph.sendRequest("client/external", "https://shop.example.com/cart");
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  const entry = graph.log.getByRole("listitem").last();
  await expect(entry).toContainText("delivered");
  await expect(entry).toContainText(/pod\/default\/cart-/);

  await expect(graph.inspector.getByRole("heading", { name: /Request #\d+/ })).toBeVisible();
  const tls = ingress.hop("tls-terminate");
  await expect(tls).toContainText("TLS terminated here");
  await expect(tls).toContainText("certificate from Secret default/shop-example-tls");
  await expect(tls).toContainText(/pod\/ingress-nginx\/ingress-nginx-controller-/);
  const l7 = ingress.hop("l7-route");
  await expect(l7).toContainText("L7 routing decision");
  await expect(l7).toContainText("path /cart (Prefix) is the longest match");
  await expect(l7).toContainText("backend cart:http");
  await expect(l7).toContainText("spec.rules[0].http.paths[0].path");
  await l7.scrollIntoViewIfNeeded();
  await lab.screenshot("ingress-https-delivered");

  // The same host without /cart goes to the other Service.
  await graph.sendRequest("client/external", "https://shop.example.com/");
  await expect(graph.log.getByRole("listitem").last()).toContainText(/pod\/default\/web-/, {
    timeout: 30_000,
  });

  // Clicking the Ingress shows its rules as a table.
  await shop.click();
  await expect(graph.inspector.getByRole("heading", { name: "Ingress shop" })).toBeVisible();
  await expect(graph.inspector.getByRole("table")).toContainText("cart:http");
  await expect(graph.inspector).toContainText("ingress-nginx (pods in the cluster)");
  await lab.screenshot("ingress-inspector");
});

test("a learner routes /cart to the cart Service in the Ingress lesson and the first step is ticked", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const editor = new EditorPanel(page);
  const ingress = new IngressView(page);
  await lab.open();
  await lessons.openLesson(/Lesson 11: Ingress/);
  await expect(lessons.heading(/Ingress: one HTTP entry point/)).toBeVisible();
  await expect(lessons.currentStep()).toContainText("Route /cart to the cart Service");
  await expect(ingress.ingress("shop")).toContainText("/ → web:80");

  // The learner adds a path to the Ingress in the editor.
  await editor.show();
  await editor.panel
    .getByRole("tablist", { name: "Files" })
    .getByRole("tab", { name: "ingress.yaml" })
    .click();
  await editor.appendText(cartPath);
  await editor.expectNoErrors();
  await expect(ingress.ingress("shop")).toContainText("/cart → cart:http");

  // ...and sends to the Ingress's address, which is the ingress-nginx load balancer's.
  const lb = ingress.loadBalancer("ingress-nginx/ingress-nginx-controller");
  await expect(lb).toContainText("198.51.100.");
  const address = ((await lb.textContent()) ?? "").match(/198\.51\.100\.\d+/)?.[0];
  await graph.sendRequest("client/external", `http://${address}/cart`);
  await expect(graph.log.getByRole("listitem").last()).toContainText(/delivered by pod\/default\/cart-/, {
    timeout: 30_000,
  });
  await graph.sendRequest("client/external", `http://${address}/`);
  await expect(graph.log.getByRole("listitem").last()).toContainText(/delivered by pod\/default\/web-/, {
    timeout: 30_000,
  });
  await page.getByRole("tab", { name: "Lessons" }).click();
  await lessons.expectStepDone(/Route \/cart to the cart Service/);
  await lessons.stepStatus(/Route \/cart to the cart Service/).scrollIntoViewIfNeeded();
  await lessons.screenshot("ingress-lesson-step-1-done");
});

test("“Show me” adds a GKE-style Ingress: its own L7 load balancer beside ingress-nginx's, reached through a NodePort", async ({
  page,
}) => {
  const lab = new LabPage(page);
  const lessons = new LessonPanel(page);
  const graph = new GraphPanel(page);
  const ingress = new IngressView(page);
  await lab.open();
  await lessons.openLesson(/Lesson 11: Ingress/);
  for (let i = 0; i < 3; i++) await lessons.button("Next step →").click();
  await expect(lessons.currentStep()).toContainText("GKE-style load balancer");
  await lessons.button("Show me").click();
  await lessons.expectStepDone(/Serve the shop through a GKE-style load balancer/);
  await expect(ingress.ingress("shop-gke")).toContainText("gce");
  await expect(ingress.loadBalancer("ingress/default/shop-gke")).toContainText("198.51.100.");
  await expect(ingress.loadBalancer("ingress-nginx/ingress-nginx-controller")).toBeVisible();
  await expect(graph.packets.last()).toHaveAttribute("data-outcome", "delivered", { timeout: 30_000 });
  await expect(ingress.hop("l7-route")).toContainText("gke.example.com");
  await expect(ingress.hop("lb-choice").first()).toContainText("NodePort");
  await lab.screenshot("ingress-lesson-gke");
});
