import type { Japanese } from "../types.ts";
import type { ingress } from "./ingress.ts";

/** ingress.ts in Japanese, fetched only for a learner who reads Japanese (../japanese.ts). */
export const ingressJa: Japanese<typeof ingress> = {
  "ingress.tls": "TLS",
  "ingress.tlsTitle": "HTTPS を終端するホスト: {hosts}",
  "ingress.allHosts": "ルールのすべてのホスト",
  "ingress.implementation.nginx": "ingress-nginx(クラスター内の Pod)",
  "ingress.implementation.gce": "GKE の L7 ロードバランサー(クラスター外)",
  "ingress.class": "クラス {name}",
  "ingress.notServed": "どのコントローラーも処理しない",
  "ingress.more": "ほか {count} 行",
  "ingress.noRules": "ルールなし: すべてのリクエストにコントローラーが 404 を返す",
  "ingress.default": "デフォルト",
  "inspector.ingress": "Ingress {name}",
  "field.implementation": "実装",
  "field.enteredThrough": "入口",
  "field.rules": "ルール",
  "field.tls": "TLS",
  "field.notServed": "処理されない理由",
  "ingress.rulesCaption": "ホスト・パス・バックエンド(記述順)",
  "ingress.host": "ホスト",
  "ingress.path": "パス",
  "ingress.pathType": "pathType",
  "ingress.backend": "バックエンド",
  "ingress.dnsNote":
    "シミュレータの外部 DNS は、external-dns と同じように、各 Ingress のホスト名をその Ingress のアドレスに対応付けます。",
  "hop.l7": "L7 ルーティングの判定",
  "hop.tls": "ここで TLS を終端",
  "hop.redirect": "HTTP リダイレクト",
  "sample.ingress.title": "ingress-nginx による Ingress",
  "sample.ingress.description":
    "shop.example.com へのリクエストをパスで 2 つの Service(/ と /cart)に振り分け、Secret の証明書を使って ingress-nginx コントローラーで HTTPS を終端します。",
};
