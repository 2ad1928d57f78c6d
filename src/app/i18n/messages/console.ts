import type { Dictionary } from "../types.ts";

/** The console: kubectl, curl and dig against the simulated cluster. */
export const consoleMessages = {
  "console.button": "Console",
  "command.console": "Open or close the console",
  "console.region": "Console",
  "console.input": "Console input",
  "console.output": "Console output",
  "console.close": "Close the console",
  "console.hint":
    "kubectl, curl and dig against this cluster, answering as a real one would. Type help; Tab completes, ↑ ↓ history, Ctrl+C cancels, Ctrl+L clears.",
  "console.noCluster": "The cluster is not built yet: fix the manifests first.",
  "console.help": [
    "This console runs against the simulated cluster. Try:",
    "  kubectl get pods -o wide          kubectl get svc,ep",
    "  kubectl describe svc web          kubectl get deploy web -o yaml",
    "  kubectl exec client -- curl -sv http://web/",
    "  kubectl exec client -- nslookup web",
    "  kubectl scale deploy web --replicas=5",
    "  kubectl apply -f - <<EOF          (then the YAML, then EOF)",
    "  kubectl debug node/node-1         (then iptables-save -t nat, ipvsadm -Ln or nft list ruleset; exit)",
    "  curl http://198.51.100.10/        (from the external client)",
    "Keys: Up/Down history, Tab completion, Ctrl+C cancel, Ctrl+L clear.",
  ].join("\n"),
  "console.loading": "Loading the console…",
  "console.runCommand": "Type this command into the console",
  "console.realClusterOnly": "For a real cluster: the console does not run this command",
} satisfies Dictionary;
