import type { Messages } from "../types.ts";

/** The live picture: the graph's legend, load balancer pools, consulted Service rules. */
export const live = {
  en: {
    "legend.label": "Legend",
    "legend.request": "request on its way",
    "legend.dns": "DNS lookup on its way",
    "legend.delivered": "delivered",
    "legend.failed": "failed (timeout, refused…)",
    "legend.route": "a route a request may take",
    "legend.endpoint": "a Service's ready endpoint, in that Service's colour (hover a Service to light them)",
    "legend.cname": "an ExternalName Service's CNAME target",
    "legend.pool": "a load balancer's node, in its pool",
    "legend.removed": "endpoint removed, or node ejected",
    "legend.taken": "path packets took (number: how many)",
    "legend.consulted": "Service lit: its rules were consulted on the node, no packet stops in it",
    "graph.ejected": "ejected",
    "graph.ejectedAt": "ejected at {clock}",
    "service.consulted": "rules consulted on {nodes}",
  },
  ja: {
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
  },
} satisfies Messages;
