import type { Japanese } from "../types.ts";
import type { live } from "./live.ts";

/** live.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const liveJa: Japanese<typeof live> = {
  "legend.label": "凡例",
  "legend.request": "転送中のリクエスト",
  "legend.dns": "転送中の DNS 問い合わせ",
  "legend.delivered": "配送済み",
  "legend.failed": "失敗（タイムアウト、拒否など）",
  "legend.route": "リクエストが通りうる経路",
  "legend.endpoint":
    "Service の Ready なエンドポイント（Service ごとの色。Service にポインターを置くと強調表示）",
  "legend.cname": "ExternalName Service の CNAME の参照先",
  "legend.pool": "ロードバランサーのプールにあるノード",
  "legend.removed": "削除されたエンドポイント、または外されたノード",
  "legend.taken": "パケットが通った経路（数字は件数）",
  "legend.consulted":
    "強調された Service: ノード上でそのルールが参照された（パケットは Service に立ち寄らない）",
  "graph.ejected": "プールから除外",
  "graph.ejectedAt": "{clock} にプールから除外",
  "service.consulted": "{nodes} でルールを参照",
};
