import type { Messages } from "../types.ts";

/** Gateway API in the graph: GatewayClasses, Gateways with their listeners, HTTPRoutes; and the Gateway sample. */
export const gateway = {
  en: {
    "gatewayClass.label": "GatewayClass {name}",
    "gatewayClass.accepted": "Accepted",
    "gatewayClass.notAccepted": "no controller",
    "gateway.label": "Gateway {name}",
    "gateway.programmed": "Programmed",
    "gateway.notProgrammed": "not programmed",
    "gateway.listener": "{name}: {protocol} {port}",
    "gateway.routes": "{count} route(s)",
    "httpRoute.label": "{kind} {name}",
    "httpRoute.anyHost": "any host",
    "httpRoute.notAttached": "not attached",
    "httpRoute.noBackend": "no backend",
    "gatewayApi.conditions": "Conditions",
    "gatewayApi.listener": "Listener {name} ({count} attached route(s))",
    "gatewayApi.parent": "Parent Gateway {name}",
    "gatewayApi.noParents":
      "No controller wrote a status: its parentRefs name no Gateway that Envoy Gateway serves.",
    "gatewayApi.type": "Type",
    "gatewayApi.status": "Status",
    "gatewayApi.reason": "Reason",
    "sample.gateway.title": "Gateway API: a 90/10 canary",
    "sample.gateway.description":
      "An HTTPRoute on an Envoy Gateway sends 90% of shop.example.com to web-v1 and 10% to web-v2; the header env: canary always reaches web-v2. Send 20 and count.",
    "sample.zones.title": "Zones: staying in the client's zone",
    "sample.zones.description":
      "Three nodes in two zones. From the client pod in us-east-1a, api (trafficDistribution: PreferSameZone) answers from us-east-1a only; api-any crosses to us-east-1b about one time in three; api-auto asks for topology-aware hints (topology-mode: Auto).",
  },
  ja: {
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
  },
} satisfies Messages;
