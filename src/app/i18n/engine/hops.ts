import type { hopTexts } from "../../../engine/index.ts";

/**
 * Japanese hop explanations, one per engine code (same placeholders as the English template).
 * Kubernetes names, fields, kinds, chains and commands stay as written; quoted text (a kube-proxy
 * comment, a status line an HTTP server sends, a condition message) is what the software writes.
 */
export const hopTextsJa: Record<keyof typeof hopTexts, string> = {
  "hop.none": "",

  "hop.send": "{dst}{via} へ接続、送信元 {src}（TCP）",
  "hop.send-via-name": "（{name}）",
  "hop.source-failed": "{node} は停止しています: {source} からは何も送り出されません",
  "hop.node-failed-in-flight":
    "パケットが通り抜ける前に {node} が {t} 秒の時点で停止しました: パケットはそこで失われ、クライアントはタイムアウトします",

  "hop.proxy-firewall":
    "{node} の kube-proxy: {client} は spec.loadBalancerSourceRanges に含まれないため、{chain} は DNAT せずに通し、KUBE-PROXY-FIREWALL が破棄します",
  "hop.proxy-reject":
    "{node} の kube-proxy（{mode}）:「{comment}」-j REJECT: {dst} に Ready なエンドポイントがなく、クライアントには ICMP port unreachable が返ります（接続拒否）",
  "hop.proxy-drop":
    "{node} の kube-proxy（{mode}）:「{comment}」-j DROP: トラフィックポリシーが Local で {node} に Ready なエンドポイントがありません。クライアントはタイムアウトするまで待ちます",
  "hop.proxy-dnat":
    "{node} の kube-proxy（{mode}）: {chains} → {pick}、Ready なエンドポイント {count} 個から選択: DNAT {from} → {to}",
  "hop.proxy-dnat-local":
    "{node} の kube-proxy（{mode}）: {chains} → {pick}、このノード上の Ready なエンドポイント {count} 個から選択: DNAT {from} → {to}",
  "hop.pick-random": "{chain}（{of} 個中 {rule} 番目のルール、--probability {probability}）",
  "hop.pick-final": "{chain}（{of} 個中 {of} 番目のルール、最後のルールは必ず一致します）",
  "hop.pick-round-robin": "IPVS rr: {of} 台中 {server} 番目の実サーバー",
  "hop.pick-affinity":
    "sessionAffinity ClientIP: {client} は {ago} 秒前に {endpoint} を使いました（タイムアウト {timeout} 秒）",
  "hop.snat-cluster-policy":
    "MASQUERADE {from} → {to}: externalTrafficPolicy Cluster のため KUBE-EXT がマスカレードの印を付け、Pod にはノードのアドレスが見えます",
  "hop.snat-local-source":
    "MASQUERADE {from} → {to}: ノード自身から外部向けアドレスへの通信はマスカレードされます",
  "hop.snat-off-pod-network":
    "MASQUERADE {from} → {to}: Pod ネットワークの外から ClusterIP への通信はマスカレードされます（KUBE-SVC `! -s CLUSTER-CIDR`）",
  "hop.snat-hairpin":
    "MASQUERADE {from} → {to}: ヘアピン: Pod が自分の Service 経由で自分自身に届いたため、KUBE-SEP がマスカレードします（`-s ENDPOINT -j KUBE-MARK-MASQ`）",

  "hop.node-caught-nft":
    "{node}{from}に到着。kube-proxy テーブルの services チェーンが判定マップ @{map} に {dst} を見つけます（{port}）",
  "hop.node-caught-ipvs":
    "{node}{from}に到着。{vs} はこのノードの IPVS 仮想サーバーで（{port}）、ipset {set} に一致します",
  "hop.pick-numgen": "numgen random mod {of} = {value} → {chain}",
  "hop.proxy-dnat-ipvs-fallback":
    "{node} の kube-proxy（{mode}）: {chains} → {pick}: トラフィックポリシーは Local ですが {node} に Ready なエンドポイントがないため、仮想サーバーの実サーバーはクラスター全体の Ready なエンドポイント {count} 個です（kubernetes PR #97081）: DNAT {from} → {to}",
  "hop.proxy-reject-nft":
    "{node} の kube-proxy（nftables）: @{map} が {dst} を goto reject-chain に対応付けています（「{comment}」）: Ready なエンドポイントがなく、クライアントには ICMP port unreachable が返ります（接続拒否）",
  "hop.proxy-drop-nft":
    "{node} の kube-proxy（nftables）: @{map} が {dst} を drop に対応付けています（「{comment}」）: トラフィックポリシーが Local で {node} に Ready なエンドポイントがありません。クライアントはタイムアウトするまで待ちます",
  "hop.proxy-reject-ipvs":
    "{node} の kube-proxy（ipvs）: 仮想サーバー {vs} に実サーバーがありません: IPVS が ICMP port unreachable を返します（接続拒否）",
  "hop.proxy-firewall-nft":
    "{node} の kube-proxy（nftables）: firewall-check が @firewall-ips に {dst} を見つけ、{chain} が {client} を破棄します。spec.loadBalancerSourceRanges に含まれないためです",
  "hop.proxy-firewall-ipvs":
    "{node} の kube-proxy（ipvs）: {dst} は ipset KUBE-LOAD-BALANCER-FW にあり、{client} は KUBE-LOAD-BALANCER-SOURCE-CIDR にも KUBE-LOAD-BALANCER-SOURCE-IP にもありません: KUBE-SOURCE-RANGES-FIREWALL が破棄します",
  "hop.ipvs-reply-lost":
    "{pod} は {vip} ではなく {ip} から応答します: 接続はマスカレードされていないため、応答は {client} へ直接届き、クライアントはそれを捨てます（kubernetes PR #97081）。接続はタイムアウトします",
  "hop.snat-nft": "masquerade {from} → {to}: {why}",
  "hop.snat-ipvs": "MASQUERADE {from} → {to}: {why}",
  "hop.snat-why-nft-cluster-policy":
    "externalTrafficPolicy Cluster のため {chain} が mark-for-masquerade へジャンプし、masquerading チェーンがマスカレードします。Pod にはノードのアドレスが見えます",
  "hop.snat-why-nft-local-source":
    "ノード自身から外部向けアドレスへの通信: {chain} の `fib saddr type local jump mark-for-masquerade`",
  "hop.snat-why-nft-off-pod-network":
    "Pod ネットワークの外から ClusterIP への通信: {chain} の `ip saddr != CLUSTER-CIDR jump mark-for-masquerade`",
  "hop.snat-why-nft-hairpin":
    "ヘアピン: Pod が自分の Service 経由で自分自身に届いたため、{chain} の `ip saddr ENDPOINT jump mark-for-masquerade`",
  "hop.snat-why-ipvs-cluster-policy":
    "externalTrafficPolicy Cluster のため ipset {set} の一致で KUBE-MARK-MASQ へジャンプし、KUBE-POSTROUTING がマスカレードします。Pod にはノードのアドレスが見えます",
  "hop.snat-why-ipvs-local-source":
    "ノード自身から外部向けアドレスへの通信はマスカレードされます（ipset {set}、KUBE-MARK-MASQ）",
  "hop.snat-why-ipvs-off-pod-network":
    "Pod ネットワークの外から ClusterIP への通信: `! -s CLUSTER-CIDR` 付きの ipset {set} の一致で KUBE-MARK-MASQ へジャンプします",
  "hop.snat-why-ipvs-hairpin":
    "ヘアピン: Pod が自分の Service 経由で自分自身に届きました。KUBE-POSTROUTING の ipset {set}（dst,dst,src）がマスカレードします",

  "hop.node-failed": "{node} は停止しています: {dst} に応答するものはなく、パケットは失われます",
  "hop.node-caught": "{node}{from}に到着。{dst} 向けの kube-proxy の {chain} ルールが捕まえます（{port}）",
  "hop.node-no-rule":
    "{node}{from}に到着しましたが、{node} には {dst} 向けのルールがありません: パケットは破棄されます",
  "hop.from-load-balancer": "（ロードバランサーから）",
  "hop.from-ingress-load-balancer": "（{lb} から）",
  "hop.from-address": "（{ip}）",
  "hop.from-external-ip": "（外部 IP {ip} のルーティング先）",

  "hop.to-node": "{ip} は {node} の InternalIP: ノードネットワークへ送り出します",
  "hop.external-ip-owned":
    "{ip}: {node} の {type} です。ネットワークが {node} へ届け、その kube-proxy が引き継ぎます",
  "hop.external-ip-assumed":
    "{ip}: status.addresses に {ip} を持つノードがありません。シミュレーターは管理者が最初のノード {node} へルーティングしていると仮定します",
  "hop.unassigned-pod-ip":
    "{ip} は {node} の Pod CIDR {cidr} 内ですが、このアドレスの Pod はありません: 応答はありません",
  "hop.no-service-port":
    "ClusterIP {ip} に Service のポート {port}/{protocol} はありません: 一致する kube-proxy のルールがなく、仮想アドレスなのでパケットは失われます",
  "hop.virtual-address":
    "{ip} を持つものはありません: 一致する kube-proxy のルールがなく、仮想アドレスなのでパケットは失われます",
  "hop.egress": "{ip} はクラスターの外です: {node} のデフォルトルートから送り出します",
  "hop.egress-proxy-lb":
    "{ip} は {service} の ipMode Proxy のロードバランサーアドレスです: kube-proxy はこのアドレスのルールを書かないため、パケットは {node} のデフォルトルートからロードバランサーへ出ていきます",
  "hop.to-pod-node": "{ip} は {cidr} の範囲内: {node}（{nodeIP}）経由でルーティングします",
  "hop.to-pod-node-cross-zone":
    "{ip} は {cidr} の範囲内: {node}（{nodeIP}）経由でルーティングします。ゾーン {from} からゾーン {to} へまたがります",
  "hop.topology-zone":
    "{node}（ゾーン {zone}）の kube-proxy は EndpointSlice のヒントに従います（{why}）: Ready なエンドポイント {total} 個のうち {count} 個が {zone} 向けで、その中からだけ選びます",
  "hop.topology-why-distribution": "trafficDistribution {value}",
  "hop.topology-why-auto":
    "topology-mode Auto: EndpointSlice コントローラーが、ノードの CPU に占める各ゾーンの割合でエンドポイントをゾーンに割り当てます",
  "hop.topology-node":
    "{node} の kube-proxy はノードのヒントに従います（trafficDistribution PreferSameNode）: Ready なエンドポイント {total} 個のうち {count} 個が {node} 上にあり、その中からだけ選びます",
  "hop.topology-ignored":
    "{node} の kube-proxy は EndpointSlice のヒントを無視し（{reason}）、Ready なエンドポイント {total} 個すべてから選びます",
  "hop.topology-ignored-unhinted": "ヒントのない Ready なエンドポイントがあります",
  "hop.topology-ignored-node": "{node} 向けのヒントを持つエンドポイントがありません",
  "hop.topology-ignored-no-zone": "{node} に topology.kubernetes.io/zone ラベルがありません",
  "hop.topology-ignored-zone": "ゾーン {zone} 向けのヒントを持つエンドポイントがありません",
  "hop.topology-auto-off":
    "topology-mode Auto ですが、EndpointSlice コントローラーがヒントを取り除きました（TopologyAwareHintsDisabled: {reason}）: {node} の kube-proxy は Ready なエンドポイント {total} 個すべてから選びます",
  "hop.topology-off-node-info":
    "ノードの情報が足りません: 割り当て可能な CPU かゾーンのないノードがあるか、Ready なノードが 1 つのゾーンにしかありません",
  "hop.topology-off-endpoints": "エンドポイントが足りません: Ready なエンドポイントがゾーンの数より少ない",
  "hop.topology-off-overload":
    "過負荷のしきい値を超えずに、各ゾーンへ最低限のエンドポイントを割り当てられません",
  "hop.topology-off-no-zone": "ゾーンの指定がないエンドポイントがあります",
  "hop.pod-node-failed": "{node} は停止しています: {pod} は応答せず、パケットは失われます",
  "hop.to-pod": "{node} がパケットを {pod} のネットワークインターフェースへ渡します",
  "hop.outside-internal":
    "{ip}: Pod と ClusterIP のアドレスはクラスターの外からはルーティングされません。接続はタイムアウトします",
  "hop.outside-unknown":
    "{ip}: シミュレーション内にこのアドレスを持つホストはありません。接続はタイムアウトします",

  "hop.external-answers": "{host}（{dst}）はクラスターの外です: シミュレーターは応答があるものとみなします",
  "hop.host-endpoint":
    "{node} のホストネットワーク上で、Service がエンドポイントとして挙げるプロセスが応答します（シミュレーターはその先を扱いません）",
  "hop.delivered": "{pod} の {dst} に到達: {listener}",
  "hop.listener": "コンテナ {container}、containerPort {port}",
  "hop.listener-named": "コンテナ {container}、containerPort {port}（{name}）",
  "hop.listener-undeclared": "containerPort の宣言なし: シミュレーターはプロセスが待ち受けているとみなします",
  "hop.refused": "{dst} で待ち受けているものはありません: カーネルが TCP リセットを返します（接続拒否）",

  "hop.lb-no-listener":
    "ロードバランサーは Service のポートだけで待ち受けており、{port}/{protocol} では受けません",
  "hop.lb-firewall":
    "{client} は spec.loadBalancerSourceRanges（{ranges}）の範囲外です: ロードバランサーのファイアウォールが破棄し、接続はタイムアウトします",
  "hop.lb-no-target": "送り先のノードが残っていません: すべてのノードが停止しています",
  "hop.lb-choice": "ロードバランサー {ip}: {check}。正常: {healthy}。{node} を選択{forward}",
  "hop.lb-check-local":
    "healthCheckNodePort {port} のヘルスチェックは、Ready なエンドポイントがあるノードでのみ成功します",
  "hop.lb-check-cluster": "kube-proxy のヘルスチェック（ポート 10256）は稼働中のすべてのノードで成功します",
  "hop.lb-fails-open": "なし（すべてのノードに振り分けます）",
  "hop.lb-to-node-port": "し、その nodePort {nodePort} へ転送します",
  "hop.lb-l2":
    "{ip}: MetalLB（レイヤー2）: {node} がこのアドレスの ARP に応えるため、このアドレス宛てのパケットはすべて宛先を変えずにそこから入ります",
  "hop.lb-bgp":
    "{ip}: MetalLB（BGP）: ルーターの ECMP 経路は {nodes} に向かい、このフローは {node} に振り分けられます（宛先は変わりません）",
  "hop.lb-unannounced":
    "{ip}: このアドレスを広報しているノードがありません（MetalLB）: 誰も ARP に応えず、接続はタイムアウトします",
  "hop.lb-kind-envoy":
    "{ip}: kind ネットワーク上の cloud-provider-kind の Envoy コンテナ（tcp_proxy、lb_policy RANDOM。ヘルスチェックは 3 秒ごとにポート {hcPort} の /healthz）。正常: {healthy}。{node} を選択: Envoy の {ip} から {nodeIP}:{nodePort} へ新しい接続を張るため、ノードに見えるのはクライアントではなく Envoy のアドレスです",
  "hop.lb-docker-desktop":
    "Docker Desktop: vpnkit がホストのポート {port}（localhost）で {service} のために待ち受け、接続を VM の中へ、{node} から ClusterIP {dst} へ転送します",
  "hop.lb-minikube-tunnel":
    "minikube tunnel（実行中であることが必要）がホストに Service CIDR {cidr} の経路を minikube ノード {node}（{nodeIP}）経由で追加しています: {ip} は宛先を変えずにそこへ送られます",
  "hop.from-vpnkit": "（vpnkit から）",
  "hop.from-minikube-tunnel": "（minikube tunnel の経路から）",

  "hop.dns-upstream-query": "{type}? {name} を上流のリゾルバー {server} へ問い合わせ（{why}）",
  "hop.dns-upstream-answer": "上流: {name} → {answer}{published}",
  "hop.dns-why-external": "外部クライアントはクラスター DNS ではなく上流のリゾルバーを使います",
  "hop.dns-why-node": "ノードはクラスター DNS ではなく、自身の上流リゾルバーで名前解決します",
  "hop.dns-why-host-network":
    "ホストネットワーク上の dnsPolicy ClusterFirst は Default にフォールバックします: ノードのリゾルバー",
  "hop.dns-why-default": "dnsPolicy Default: ノードのリゾルバー",
  "hop.dns-why-policy": "dnsPolicy {policy}: シミュレーターは上流のリゾルバーだけを使います",
  "hop.dns-query":
    "{type}? {name}: resolv.conf は nameserver {server}、search {search}、options ndots:{ndots}。{order}",
  "hop.dns-order-absolute": "絶対名なので search は使いません",
  "hop.dns-order-as-is": "ドットが ndots:{ndots} 個以上: まずそのまま、次に search リストを試します",
  "hop.dns-order-search": "ドットが ndots:{ndots} 個未満: search リストを先に試します",
  "hop.dns-no-server": "{dst} で DNS に応答するものはありません",
  "hop.dns-coredns-answer": "CoreDNS: {type}? {name}{via} → {answer}",
  "hop.dns-forwarded": "（クラスタードメイン外なので上流へ転送）{published}",
  "hop.dns-published-ingress": "（external-dns が {object} の {field} から公開した、Ingress のアドレス）",
  "hop.dns-published-gateway": "（external-dns が {object} の {field} から公開した、Gateway のアドレス）",
  "hop.dns-nxdomain": "NXDOMAIN",
  "hop.dns-nodata": "NOERROR、その種類のレコードなし（名前は存在します）",
  "hop.dns-records": "{records}",
  "hop.dns-reply": "{server} からの応答（conntrack が DNAT を戻します）: {summary}",
  "hop.dns-found": "{asked} は {name} → {answer}",
  "hop.dns-exists-no-record": "{asked}: {name} は存在しますが {type} レコードがありません",
  "hop.dns-nxdomain-after": "{asked}: {count} 個の名前を試してすべて NXDOMAIN",

  "hop.http-to-https-port":
    'HTTPS ポート {port} に平文の HTTP が送られました: 400 Bad Request（"The plain HTTP request was sent to HTTPS port"）',
  "hop.tls-to-http-port":
    "平文 HTTP のポート {port} に TLS ハンドシェイクが送られました: プロキシは 400 Bad Request を返します",
  "hop.ingress-path":
    "{request}: {host}。パス {path}（{pathType}{as}）が {requestPath} に最も長く一致 → バックエンド {backend}",
  "hop.ingress-read-as": "（ImplementationSpecific、{matching} として解釈）",
  "hop.ingress-gce-path": "GCE のパス規則",
  "hop.ingress-default": "{request}: {why} → バックエンド {backend}",
  "hop.ingress-no-route": "{request}: {why}",
  "hop.host-any": "ルールに host がないので、どの Host でも受けます（{host}）",
  "hop.host-wildcard": "Host {host} はワイルドカード {rule} に一致します（1 ラベル）",
  "hop.host-exact": "Host {host} は {rule} に完全一致します",
  "hop.host-none": "なし",
  "hop.host-none-parenthesized": "（なし）",
  "hop.route-no-host": "Host {host} を指定した Ingress のルールがなく、host なしのルールもありません",
  "hop.route-server-default":
    "host {host} のどのパスも {path} に一致しません: server のルートの location が {ingress} の spec.defaultBackend を使います",
  "hop.route-catch-all-default":
    "host {host}、パス {path} に一致するルールがありません: キャッチオールの server が {ingress} の spec.defaultBackend を使います",
  "hop.route-no-path": "host {host} のどのパスも {path} に一致しません",
  "hop.route-no-rule": "host {host}、パス {path} に一致するルールがありません",
  "hop.route-gce-no-path": "一致した host ルールのどのパスも {path} に一致しません",
  "hop.route-gce-no-host": "{host} に一致する host ルールがありません",
  "hop.route-default-backend": "{why}: spec.defaultBackend が応答します",
  "hop.nginx-default-certificate":
    "SNI {sni} の TLS: このホストの証明書を持つ Ingress がないため、コントローラーはデフォルト証明書（「{certificate}」、自己署名: クライアントは警告します）を使います。ここで復号し、リクエストは平文の HTTP でバックエンドへ進みます",
  "hop.nginx-certificate-problem":
    "SNI {sni} の TLS: {ingress} はこのホストを挙げていますが、{problem}ため、コントローラーはデフォルト証明書（「{certificate}」: クライアントは警告します）を使います。ここで復号し、リクエストは平文の HTTP でバックエンドへ進みます",
  "hop.nginx-certificate":
    "SNI {sni} の TLS: Secret {secret} の証明書。ここで復号し、リクエストは平文の HTTP でバックエンドへ進みます",
  "hop.secret-unnamed": "TLS の項目に secretName がない",
  "hop.secret-missing": "Secret {secret} が存在しない",
  "hop.secret-not-tls": "Secret {secret} に tls.crt と tls.key がない（type kubernetes.io/tls）",
  "hop.nginx-plain": "ingress-nginx が平文の HTTP リクエストを読みます: Host {host}、パス {path}",
  "hop.nginx-redirect":
    "{host} には TLS があります（{ingress} {field}）: ingress-nginx は平文の HTTP に {status} Permanent Redirect で {location} へのリダイレクトを返します（ssl-redirect、デフォルトで有効）",
  "hop.nginx-no-rule":
    "応答するルールがありません: コントローラーのデフォルトバックエンドが 404 Not Found を返します",
  "hop.nginx-unavailable":
    "upstream {upstream}: {why}ため、ingress-nginx は「503 Service Temporarily Unavailable」を返します",
  "hop.backend-no-service": "Service {service} が存在しない",
  "hop.backend-no-port": "Service {service} にポート {port} がない",
  "hop.backend-no-endpoint": "Service {service} に Ready なエンドポイントがない",
  "hop.nginx-upstream":
    "upstream {upstream} へ proxy_pass: Service の Ready なエンドポイント {count} 個をラウンドロビン（ClusterIP は使いません）→ {dst}。コントローラーの Pod {podIP} から新しい接続を張り、X-Forwarded-For: {client} を付けます",
  "hop.gce-no-https":
    "{ip}:443 に HTTPS 転送ルールがありません: ingress-gce は spec.tls があるときだけ作ります。接続はタイムアウトします",
  "hop.gce-certificate-problem":
    "ingress-gce は証明書をアップロードできず（{problem}）、HTTPS のフロントエンドがありません。接続はタイムアウトします",
  "hop.gce-certificate":
    "SNI {host} の TLS: Secret {secret} の証明書{covers}。ロードバランサーで復号し、リクエストは HTTP で進みます",
  "hop.gce-certificate-other-host":
    "（{host} を含まない証明書です: ロードバランサーは最初の証明書を使い、クライアントは警告します）",
  "hop.gce-http-disabled":
    '{annotation}: "false": {ip}:80 に HTTP 転送ルールがありません。接続はタイムアウトします',
  "hop.gce-ports": "ロードバランサーが転送するのはポート 80 と 443 だけで、{port} は転送しません",
  "hop.gce-http":
    "転送ルール {ip}:80 → ターゲット HTTP プロキシが {ingress} の URL マップでリクエストを読みます",
  "hop.gce-no-rule":
    "URL マップのデフォルトサービス（GKE の kube-system/default-http-backend）が 404 を返します（「default backend - 404」）",
  "hop.gce-bad-gateway": "{why}: ロードバランサーは 502 Bad Gateway を返します（failed_to_pick_backend）",
  "hop.gce-no-node-port": "Service のポートに nodePort がない",
  "hop.gce-no-healthy-node":
    "バックエンドサービスのヘルスチェックに合格するノードがない（NodePort の先に Ready なエンドポイントがない）",
  "hop.gce-choice":
    "{service} ポート {port}（NodePort {nodePort}）のバックエンドサービス: 正常なノード（{policy}）: {nodes}。{node} を選択。Google Front End {gfe} から新しい接続を張り、X-Forwarded-For: {client}, {ip} を付けます",
  "hop.gce-policy-local": "Ready なエンドポイントがあるもの",
  "hop.gce-policy-live": "稼働中のもの",

  "hop.gw-http-to-https":
    "HTTPS のリスナーに平文の HTTP が送られました: TLS ハンドシェイクが失敗し、Envoy は接続を閉じます",
  "hop.gw-tls-to-http":
    "HTTP のリスナーに TLS ハンドシェイクが送られました: Envoy は 400 Bad Request を返します",
  "hop.gw-no-listener":
    "ポート {port} に Host {host} を受けるリスナーがありません（Listener.hostname）: Envoy は 404 を返します",
  "hop.gw-tls":
    "リスナー {listener}（HTTPS、ポート {port}）: SNI {host} の TLS を Secret {secret} の証明書で終端。リクエストは HTTP で進みます",
  "hop.gw-listener":
    "リスナー {listener}（HTTP、ポート {port}{hostname}）が Host {host}、パス {path} を読みます。アタッチされたルート {count} 個",
  "hop.gw-listener-hostname": "、hostname {hostname}",
  "hop.gw-no-match":
    "リスナー {listener} にアタッチされたどの HTTPRoute のルールも {host}{path} に一致しません: Envoy は 404 を返します",
  "hop.gw-match": "{host}{path}: {field}{hostname} が一致（{match}）{why}",
  "hop.gw-match-hostname": "（hostname {hostname}）",
  "hop.gw-wins": "。{route} {field} より優先される理由: {reason}",
  "hop.gw-why-hostname": "hostname がより具体的",
  "hop.gw-why-exact-path": "Exact のパス一致は他のどれよりも先",
  "hop.gw-why-path-type":
    "RegularExpression のパスは PathPrefix より先（シミュレーターの順序。仕様は実装に任せています）",
  "hop.gw-why-longer-prefix": "PathPrefix の文字数が多い",
  "hop.gw-why-method": "メソッドに一致する",
  "hop.gw-why-more-headers": "一致するヘッダーが多い",
  "hop.gw-why-more-query-params": "一致するクエリパラメーターが多い",
  "hop.gw-why-older-route": "ルートのほうが古い（creationTimestamp）",
  "hop.gw-why-route-name": "{order} の順でルートが先",
  "hop.gw-why-rule-order": "ルートのルールの中で先に書かれている",
  "hop.gw-why-longer-service": "service の文字数が多い",
  "hop.gw-why-longer-method": "method の文字数が多い",
  "hop.gw-grpc-match":
    "{host} への gRPC 呼び出し {service}/{method}: {field}{hostname} が一致（{match}）{why}",
  "hop.gw-grpc-no-match":
    "リスナー {listener} にアタッチされたどの GRPCRoute のルールも {host}{path} に一致しません: Envoy は 404 を返し、gRPC クライアントはこれを UNIMPLEMENTED と読みます",
  "hop.gw-tls-no-hello":
    "TLS リスナーに TLS の ClientHello がありません（平文）: ルーティングに使うサーバー名がないため、Envoy は接続を閉じます",
  "hop.gw-tls-no-listener":
    "ポート {port} のどの TLS リスナーも SNI {sni} を受け付けません（Listener.hostname）: Envoy は接続を閉じます",
  "hop.gw-tls-no-route":
    "リスナー {listener} にアタッチされたどの TLSRoute にも SNI {sni} に合う hostname がありません: Envoy は接続を閉じます",
  "hop.gw-tls-passthrough":
    "リスナー {listener}（TLS Passthrough、ポート {port}）は ClientHello の SNI {sni} を復号せずに読みます: {route}（hostnames {hostnames}）が受け付けます",
  "hop.gw-tls-terminate-route":
    "リスナー {listener}（TLS Terminate、ポート {port}）は SNI {sni} の TLS を終端します: 復号したストリームを {route}（hostnames {hostnames}）が受け付けます",
  "hop.gw-header-modifier": "RequestHeaderModifier: {changes}",
  "hop.gw-redirect": "RequestRedirect: Envoy は {status} と Location: {location} を返します",
  "hop.gw-rewrite": "URLRewrite: {before} を Host {host}、パス {path} として転送します",
  "hop.gw-filter-not-simulated": "フィルター {filter} はシミュレートされません: リクエストはそのまま進みます",
  "hop.gw-no-backends": "{field} に backendRefs がありません: Envoy は 500 を返します",
  "hop.gw-zero-weights":
    "{field} の backendRef の weight がすべて 0 です: トラフィックは転送されず、Envoy は 500 を返します",
  "hop.gw-weighted": "重み付きの backendRefs（{weights}）: {name} を選択、確率 {weight}/{total}",
  "hop.gw-invalid-backend":
    'backendRef {backend} は無効です（ResolvedRefs False、{reason}: "{message}"）: Envoy は 500 を返します',
  "hop.gw-no-port": "Service {service} にポート {port} がありません: Envoy は 500 を返します",
  "hop.gw-no-port-given": "Service {service} のポートが指定されていません: Envoy は 500 を返します",
  "hop.gw-no-endpoint":
    "Service {service} に Ready なエンドポイントがありません: Envoy は 503 を返します（「no healthy upstream」）",
  "hop.gw-upstream":
    "Envoy は {method} {host}{path} を {endpoint} へ送ります: Envoy Gateway のデフォルトの負荷分散（least request。負荷が同じならここではランダムに選択）で、Service {service} の Ready なエンドポイント {count} 個から選びます（ClusterIP は使いません）。プロキシの Pod {podIP} から新しい接続を張り、X-Forwarded-For: {client} を付けます",
  "hop.gw-tls-upstream":
    "Envoy はプロキシの Pod {podIP} から {endpoint}（Service {service} の Ready なエンドポイント {count} 個のうち 1 つ）へ TCP 接続を張り、SNI {sni} のストリームを中継します（TLS {mode}）: バックエンドから見える送信元はプロキシのアドレスです",
};
