import { type CliIO, UsageError } from "../command.ts";
import { runCli } from "../main.ts";

/** Tests only: runs `svclab ARGS` over in-memory files and returns the exit code and both streams. */
export function svclab(args: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readText(path) {
      const text = files[path];
      if (text === undefined) throw new UsageError(`cannot read file "${path}" (ENOENT): check the path`);
      return text;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = runCli(args, io);
  return { code, out: out.join(""), err: err.join("") };
}

/** The Service docs' NodePort example behind a Deployment, and a client pod. */
export const DOCS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: MyApp
  template:
    metadata:
      labels:
        app.kubernetes.io/name: MyApp
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
    app.kubernetes.io/name: MyApp
  ports:
    - port: 80
      # By default and for convenience, the \`targetPort\` is set to
      # the same value as the \`port\` field.
      targetPort: 80
      # Optional field
      # By default and for convenience, the Kubernetes control plane
      # will allocate a port from a range (default: 30000-32767)
      nodePort: 30007
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeName: node-1
  containers:
  - name: client
    image: busybox:1.28
`;

export const INVALID =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n";
