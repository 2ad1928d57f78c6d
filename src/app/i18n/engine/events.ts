import type { eventTexts } from "../../../engine/index.ts";

/** Japanese event messages, one per engine code (same placeholders as the English template). */
export const eventTextsJa: Record<keyof typeof eventTexts, string> = {
  "list.more": "{first}、{rest}",
  "list.or": "{first}または{rest}",
  "list.comma": "{first}、{rest}",
  "list.none": "",
  "event.node.unreachable":
    "{node} が応答を停止しました（シナリオ）: そのアドレスと Pod へのリクエストはすぐにタイムアウトします。ノードライフサイクルコントローラーが気づくのは nodeMonitorGracePeriod（{grace}）の後です",
  "event.node.notReady": "ノード {node} の状態が NodeNotReady になりました",
  "event.node.ready": "ノード {node} の状態が NodeReady になりました",
  "event.node.reachable":
    "{node} が再び応答しています（シナリオ）: ノードライフサイクルコントローラーが NotReady にする前に戻りました",
  "event.pod.nodeNotReady": "ノードが Ready ではありません",
  "event.pod.evicted":
    "Pod {pod} を削除対象にしました（TaintManagerEviction: node.kubernetes.io/unreachable の許容は {seconds} 秒）。{node} の kubelet が確認するまで Terminating のままです",
  "event.pod.killedOnRecovery": "Pod のコンテナを停止しています: {node} の kubelet が削除を完了します",
  "event.pod.killing": "Pod のコンテナを停止しています: {why}",
  "event.pod.terminating": "{why}: {node} の kubelet が確認するまで Terminating のままです",
  "event.pod.why.deleted": "削除されました（シナリオ）",
  "event.pod.why.scaledDown": "スケールダウンされました",
  "event.pod.ready": "Readiness Probe が成功しました（シナリオ）",
  "event.pod.unhealthy": "Readiness Probe が失敗しました（シナリオ）",
  "event.pod.scheduled": "{pod} を {node} に割り当てました",
  "event.deployment.scaledUp": "ReplicaSet {replicaSet} を {from} から {to} にスケールアップしました",
  "event.deployment.scaledDown": "ReplicaSet {replicaSet} を {from} から {to} にスケールダウンしました",
  "event.workload.scaled": "レプリカ数 {from} → {to}（シナリオ）",
  "event.replicaSet.created": "Pod を作成しました: {pod}",
  "event.replicaSet.deleted": "Pod を削除しました: {pod}",
  "event.statefulSet.created": "StatefulSet {statefulSet} の Pod {pod} を作成しました",
  "event.statefulSet.deleted": "StatefulSet {statefulSet} の Pod {pod} を削除しました",
  "event.scheduling.noNodeFits": "条件に合うノードがありません",
  "event.scheduling.fitError": "利用できるノードは 0/{total} です: {reasons}。",
  "event.scheduling.unschedulable": "{count} 台のノードがスケジュール不可",
  "event.scheduling.untoleratedTaint": "{count} 台のノードに許容されない Taint {{key}: {value}} があります",
  "event.scheduling.nodeAffinity": "{count} 台のノードが Pod のノードアフィニティ／セレクターに一致しません",
  "event.scheduling.noSuchNode":
    'spec.nodeName が存在しないノード "{node}" を指しています: この Pod を動かす kubelet はありません',
  "event.scheduling.noPodIP": "範囲 {cidr} に空きの IP アドレスがなく、割り当てに失敗しました",
  "event.endpoint.address": "{address}",
  "event.endpoint.addressOfPod": "{address}（{pod}）",
  "event.endpoint.addressOfPodOnNode": "{address}（{node} 上の {pod}）",
  "event.endpoint.removed": "{who} が {service} の Ready なエンドポイントから外れました",
  "event.endpoint.added": "{who} が {service} の Ready なエンドポイントに加わりました",
  "event.proxy.synced":
    "全ノードの kube-proxy がルールを書き換えました: Ready なエンドポイントは {ready} 個（以前は {before} 個）",
  "event.healthCheck.noAnswer": "{url} から {timeout} 秒以内に応答がありません",
  "event.healthCheck.noLocalEndpoint":
    "{url} が 503 を返しました: このノードに Ready なエンドポイントがありません",
  "event.healthCheck.ok": "{url} が 200 を返しました",
  "event.healthCheck.failed": "{node}: チェック {threshold} 回中 {failures} 回目が失敗: {detail}",
  "event.lb.backendRemoved":
    "{node} が {threshold} 回続けてヘルスチェックに失敗しました: ロードバランサーは新しい接続を送らなくなります",
  "event.lb.backendAdded":
    "{node} が {threshold} 回続けてヘルスチェックに合格しました: ロードバランサーの振り分け対象に戻りました（{detail}）",
  "event.metallb.announcing": 'ノード "{node}" からプロトコル "layer2" でアナウンスしています',
  "event.metallb.noNode": "アドレスをアナウンスするノードが残っていません: ARP に応答しなくなります",
  "event.bgp.routes": "ルーターのこのアドレスへの ECMP ルートの行き先は {nodes} です（以前は {was}）",
  "event.bgp.noNode": "ノードなし",
  "event.bgp.none": "なし",
};
