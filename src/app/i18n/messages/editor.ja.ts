import type { Japanese } from "../types.ts";
import type { editor } from "./editor.ts";

/** editor.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const editorJa: Japanese<typeof editor> = {
  "editor.region": "マニフェスト",
  "editor.textbox": "{file} の YAML",
  "editor.files": "ファイル",
  "editor.closeFile": "{file} を閉じる",
  "editor.confirmClose": "{file} を閉じますか? バックアップとして残るので「前の版に戻す」で戻せます。",
  "editor.toolbar": "エディタの操作",
  "editor.add": "追加",
  "editor.addMenu": "カーソル位置にオブジェクトを追加",
  "template.service-clusterip": "Service (ClusterIP)",
  "template.service-nodeport": "Service (NodePort)",
  "template.service-loadbalancer": "Service (LoadBalancer)",
  "template.service-headless": "Service (ヘッドレス)",
  "template.service-externalname": "Service (ExternalName)",
  "template.deployment": "Deployment",
  "template.statefulset": "StatefulSet",
  "template.endpoints": "Endpoints (セレクタなし Service)",
  "template.ingress": "Ingress",
  "editor.undo": "元に戻す",
  "editor.redo": "やり直す",
  "editor.import": "読み込む…",
  "editor.importHint":
    "YAML ファイルを開くか、ここへドロップするか、`kubectl get … -o yaml` の出力を貼り付けてください。",
  "editor.importTooLarge":
    "{file} は {size} MiB あり、シミュレーターが 1 ファイルから読み込める {limit} MiB を超えています。読み込みませんでした。",
  "editor.importFailed": "{file} を読み込めませんでした。",
  "editor.dropHere": "YAML ファイルをドロップして追加",
  "editor.export": "書き出す",
  "editor.reset": "リセット",
  "editor.confirmReset":
    "最初のマニフェストに戻しますか? 今のテキストはバックアップとして残り(「前の版に戻す」)、元に戻す操作も使えます。",
  "editor.restore": "前の版に戻す",
  "editor.restoreTitle": "{time} に残した版と入れ替える",
  "editor.share": "共有",
  "editor.shareCopied": "リンクをコピーしました。マニフェスト、レッスン、停止中のノードが含まれます。",
  "editor.shareReady": "このリンクをコピーしてください。マニフェスト、レッスン、停止中のノードが含まれます。",
  "editor.shareLink": "共有リンク",
  "editor.shareTooLarge":
    "マニフェストが大きすぎてリンクにできません。「書き出す」でファイルとして共有してください。",
  "editor.problems": "問題",
  "editor.problemsCount": "問題 ({count})",
  "editor.problemsMore": "ほか {count} 件は一覧に出していません (それぞれの行に示しています)",
  "editor.noProblems": "問題はありません。グラフはこのマニフェストを表示しています。",
  "editor.problemAt": "{file} {line} 行 {column} 列",
  "editor.severity.error": "エラー",
  "editor.severity.warning": "警告",
  "editor.stale": "マニフェストにエラーがあります。グラフは最後に正しかったクラスターを表示したままです。",
  "editor.checking": "確認中…",
  "editor.limits": "シミュレーターの上限",
  "editor.limitsText":
    "Kubernetes の上限ではなく、このシミュレーター自身の上限です。ワークロードあたり Pod {replicas} 個まで、全体で Pod {pods} 個、Node {nodes} 個、Service {services} 個、Service のポート {ports} 個、エンドポイント {endpoints} 個までです。どれかを超えたマニフェストは、超えたオブジェクトにエラーを示して受け付けません。",
  "editor.saved": "このブラウザに保存済み",
  "editor.plainText": "{limit} KiB を超えるため、ページが応答し続けるよう色分けなしで表示しています",
  "editor.saving": "保存中…",
  "editor.held": "まだ保存していません。別のタブがこのマニフェストを変更しました。上で版を選んでください。",
  "tabs.region": "別のタブでの変更",
  "tabs.changed":
    "このマニフェストは Service Lab の別のタブで変更され、保存されました。選ぶまでこのタブは保存しません。選ばなかった版はバックアップ(「前の版に戻す」)に残ります。",
  "tabs.useOther": "別のタブの版を使う",
  "tabs.keepMine": "このタブの版を残す",
  "editor.saveFailed":
    "保存できませんでした。ブラウザの保存領域がいっぱいか無効です。前に保存した版はそのまま残っています。このテキストを残すには「書き出す」を使ってください。",
  "editor.sharedBanner":
    "共有リンクのマニフェストを表示しています。あなたが保存した作業はそのままです。最初に編集したときにこれを自分の作業として保存し、前の版はバックアップに残します。",
  "editor.openMine": "自分の保存した作業に戻る",
  "share.damaged":
    "この共有リンクは壊れているか、途中で切れています(コピーのときに切れたのかもしれません)。保存した作業はそのままです。",
  "share.too-large": "この共有リンクは大きすぎて開けません。保存した作業はそのままです。",
  "share.newer-version":
    "この共有リンクは新しい Service Lab で作られました。ページを再読み込みして更新してから、もう一度開いてください。",
  "editor.dismiss": "閉じる",
  "editor.tabHint": "Tab でインデントします。エディタから出るには Escape を押してから Tab を押します。",
};
