import type { Japanese } from "../types.ts";
import type { consoleMessages } from "./console.ts";

/** console.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const consoleMessagesJa: Japanese<typeof consoleMessages> = {
  "console.button": "コンソール",
  "command.console": "コンソールを開く/閉じる",
  "console.region": "コンソール",
  "console.input": "コンソール入力",
  "console.output": "コンソール出力",
  "console.close": "コンソールを閉じる",
  "console.hint":
    "このクラスターに対して kubectl、curl、dig を実行できます。実際のクラスターと同じように応答します。help と入力してください。Tab で補完、↑ ↓ で履歴、Ctrl+C で中断、Ctrl+L で消去。",
  "console.noCluster": "クラスターがまだ構築されていません。先にマニフェストを修正してください。",
  "console.help": [
    "このコンソールはシミュレーションのクラスターに対して動きます。たとえば:",
    "  kubectl get pods -o wide          kubectl get svc,ep",
    "  kubectl describe svc web          kubectl get deploy web -o yaml",
    "  kubectl exec client -- curl -sv http://web/",
    "  kubectl exec client -- nslookup web",
    "  kubectl scale deploy web --replicas=5",
    "  kubectl apply -f - <<EOF          （続けて YAML、最後に EOF）",
    "  kubectl debug node/node-1         （続けて iptables-save -t nat、ipvsadm -Ln か nft list ruleset。exit で戻る）",
    "  curl http://198.51.100.10/        （外部クライアントから）",
    "キー: ↑ ↓ で履歴、Tab で補完、Ctrl+C で中断、Ctrl+L で消去。",
  ].join("\n"),
  "console.loading": "コンソールを読み込んでいます…",
  "console.runCommand": "このコマンドをコンソールに入力する",
  "console.realClusterOnly": "実際のクラスター用: コンソールではこのコマンドを実行できません",
};
