import type { Japanese } from "../types.ts";
import type { gateway } from "./gateway.ts";

/** gateway.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const gatewayJa: Japanese<typeof gateway> = {
  "gatewayClass.label": "GatewayClass {name}",
  "gatewayClass.accepted": "Accepted",
  "gatewayClass.notAccepted": "コントローラーなし",
  "gateway.label": "Gateway {name}",
  "gateway.programmed": "Programmed",
  "gateway.notProgrammed": "未設定",
  "gateway.listener": "{name}: {protocol} {port}",
  "gateway.routes": "ルート {count} 個",
  "httpRoute.label": "{kind} {name}",
  "httpRoute.anyHost": "すべてのホスト",
  "httpRoute.notAttached": "どの Gateway にも未接続",
  "httpRoute.noBackend": "バックエンドなし",
  "gatewayApi.conditions": "状態（Conditions）",
  "gatewayApi.listener": "リスナー {name}（接続されたルート {count} 個）",
  "gatewayApi.parent": "親の Gateway {name}",
  "gatewayApi.noParents":
    "どのコントローラーも status を書いていません。parentRefs が Envoy Gateway の処理する Gateway を指していません。",
  "gatewayApi.type": "種類",
  "gatewayApi.status": "状態",
  "gatewayApi.reason": "理由",
  "sample.gateway.title": "Gateway API: 90/10 のカナリア",
  "sample.gateway.description":
    "Envoy Gateway 上の HTTPRoute が shop.example.com へのリクエストの 90% を web-v1 に、10% を web-v2 に送ります。ヘッダー env: canary 付きのリクエストは必ず web-v2 に届きます。Send 20 で数えてみましょう。",
  "sample.zones.title": "ゾーン: クライアントと同じゾーンにとどめる",
  "sample.zones.description":
    "2 つのゾーンに 3 つのノード。us-east-1a の client Pod からは、api（trafficDistribution: PreferSameZone）は us-east-1a の Pod だけが応え、api-any は 3 回に 1 回ほど us-east-1b へまたがります。api-auto はトポロジーを考慮したヒント（topology-mode: Auto）を求めます。",
};
