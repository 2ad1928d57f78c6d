import type { diagnosticTexts } from "../../../engine/index.ts";

/** Japanese diagnostics, one per engine code (same placeholders as the English template). */
export const diagnosticTextsJa: Record<keyof typeof diagnosticTexts, string> = {
  "field.required": "必須の値です",
  "field.requiredDetail": "必須の値です: {detail}",
  "field.invalid": "不正な値 {value}: {detail}",
  "field.notSupported": "サポートされていない値 {value}: 使える値は {supported}",
  "field.duplicate": "重複した値 {value}",
  "field.duplicateDetail": "重複した値 {value}: {detail}",
  "field.forbidden": "禁止: {detail}",
  "field.tooMany": "多すぎます: {actual} 個（最大 {max} 個）",
  "field.unknown": '不明なフィールド "{field}" です',
  "field.unknownDidYouMean": '不明なフィールド "{field}" です。"{meant}" のことですか?',
  "name.regex": "{rule}（検証に使う正規表現は '{format}'）",
  "name.regexExamples": "{rule}（例: {examples}検証に使う正規表現は '{format}'）",
  "name.example": "'{example}'、",
  "name.maxLength": "{length} 文字以内でなければなりません",
  "name.rule.dns1123Label":
    "小文字の RFC 1123 ラベルは英小文字・数字・'-' だけからなり、英数字で始まり英数字で終わらなければなりません",
  "name.rule.dns1123Subdomain":
    "小文字の RFC 1123 サブドメインは英小文字・数字・'-'・'.' だけからなり、英数字で始まり英数字で終わらなければなりません",
  "name.rule.dns1035Label":
    "DNS-1035 ラベルは英小文字・数字・'-' だけからなり、英字で始まり英数字で終わらなければなりません",
  "name.rule.wildcardSubdomain":
    "ワイルドカードの DNS-1123 サブドメインは '*.' で始まり、その後に正しい DNS サブドメイン（英小文字・数字・'-'・'.' からなり英数字で終わる）が続かなければなりません",
  "name.rule.qualifiedName":
    "英数字・'-'・'_'・'.' だけからなり、英数字で始まり英数字で終わらなければなりません",
  "name.rule.labelValue":
    "ラベルの値は空文字列か、英数字・'-'・'_'・'.' だけからなり英数字で始まり英数字で終わる文字列でなければなりません",
  "name.rule.configMapKey": "設定キーは英数字・'-'・'_'・'.' だけからならなければなりません",
  "name.rule.path": "不正なパスです",
  "name.prefixEmpty": "プレフィックス部分を空にはできません",
  "name.prefixPart": "プレフィックス部分: {detail}",
  "name.namePartEmpty": "名前部分を空にはできません",
  "name.namePart": "名前部分: {detail}",
  "name.qualifiedName":
    "修飾名は {detail}。前に DNS サブドメインのプレフィックスと '/' を付けられます（例: 'example.com/MyName'）",
  "name.port.characters": "英小文字（a-z）・数字（0-9）・ハイフン（-）だけを使えます",
  "name.port.letter": "英字（a-z）を少なくとも 1 文字含まなければなりません",
  "name.port.consecutiveHyphens": "ハイフンを続けてはいけません",
  "name.port.edgeHyphen": "ハイフンで始めたり終えたりしてはいけません",
  "name.port.range": "1 から 65535 まで（両端を含む）でなければなりません",
  "name.notDot": "'.' にはできません",
  "name.notDotDot": "'..' にはできません",
  "name.notStartDotDot": "'..' で始めてはいけません",
  "name.domainPrefixedPath": 'ドメイン付きのパス（"acme.io/foo" など）でなければなりません',
  "name.empty": "空にはできません",
  "name.twoSegments": "ドットで区切った 2 つ以上の部分からなるドメインでなければなりません",
  "diagnostics.moreNotShown": "ほかに {count} 件の問題があります（一度に表示するのは {max} 件まで）",
  "ip.invalid": "正しい IP アドレスでなければなりません",
  "ip.unspecified": "未指定アドレス（{ip}）にはできません",
  "ip.loopback": "ループバックの範囲（127.0.0.0/8、::1/128）にはできません",
  "ip.isValidIP": "正しい IP アドレス（例: 10.9.8.7、2001:db8::ffff）でなければなりません",
  "ip.linkLocal": "リンクローカルの範囲（169.254.0.0/16、fe80::/10）にはできません",
  "ip.linkLocalMulticast": "リンクローカルマルチキャストの範囲（224.0.0.0/24、ff02::/10）にはできません",
  "service.externalIPsDeprecated":
    'Kubernetes 1.36 から非推奨です（KEP-5707）: API サーバーは "Warning: spec.externalIPs is deprecated" という警告付きで受け付けます（kubectl が表示します）。Service を作れる人なら誰でもこれで任意のアドレスを奪えます（CVE-2020-8554）。type LoadBalancer を使ってください',
  "service.clusterIPNone": "{type} の Service では 'None' にできません",
  "service.clusterIPsMatch": "最初の値は `clusterIP` と一致しなければなりません",
  "service.clusterIPsWithoutClusterIP": "`clusterIP` を指定しない場合は空でなければなりません",
  "service.clusterIPsNoneOnly": "'None' は最初で唯一の値でなければなりません",
  "service.clusterIPsTooMany": "値は 2 つまでです",
  "service.loadBalancerIPIgnored":
    "無視されます: ロードバランサーを得るのは type LoadBalancer の Service だけです",
  "service.onlyLoadBalancer": "`type` が 'LoadBalancer' のときだけ使えます",
  "service.cidrInvalid": "正しい CIDR（例: 10.9.8.0/24、2001:db8::/64）でなければなりません",
  "service.preferCloseDeprecated": '"PreferClose" は非推奨です。"PreferSameZone" を使ってください',
  "service.externalNameNoClusterIP": "ExternalName の Service では設定できません",
  "service.externalNameIP":
    "ここに書いた IP アドレスは、そのアドレスの形をしたホスト名への CNAME として公開され、名前解決できません。セレクターのない Service と EndpointSlice を使ってください",
  "service.nodePortClusterIP": "`type` が 'ClusterIP' のときは使えません",
  "service.whenClientIP": "セッションアフィニティが ClientIP のときに必要です",
  "service.affinityTimeout": "0 より大きく {max} より小さくなければなりません",
  "service.affinityConfigForbidden": "セッションアフィニティが {affinity} のときは設定できません",
  "service.etpExternalOnly": "外部からアクセスできる Service でだけ設定できます",
  "service.healthCheckNodePortLocal":
    "`type` が 'LoadBalancer' で `externalTrafficPolicy` が 'Local' のときだけ設定できます",
  "service.externalNameNoIPFamily": "ExternalName の Service では設定できません",
  "service.noDualStack": "このクラスターはデュアルスタックの Service 向けに構成されていません",
  "service.noIPv6": "このクラスターでは構成されていません",
  "service.tooManyFamilies": "ファミリーは 2 つまでです",
  "pod.duplicatePortName":
    'ポート名 "{name}" が {first} と重複しています。名前でポートを選ぶ Service や Probe は {first} を使います',
  "pod.hostPortMatch": "`hostNetwork` が true のときは `containerPort` と一致しなければなりません",
  "workload.replicasNegative": "0 以上でなければなりません",
  "workload.emptySelector": "{kind} では空のセレクターは不正です",
  "workload.selectorMismatch": "`selector` がテンプレートの `labels` に一致しません",
  "workload.recreateRollingUpdate": "strategy の `type` が 'Recreate' のときは指定できません",
  "selector.operator": "セレクターの演算子として正しくありません",
  "selector.valuesRequired": "`operator` が 'In' または 'NotIn' のときは指定が必要です",
  "selector.valuesForbidden": "`operator` が 'Exists' または 'DoesNotExist' のときは指定できません",
  "core.cidrInvalid": "正しい CIDR でなければなりません",
  "core.base64": "base64 でエンコードされていなければなりません（平文は stringData に書きます）",
  "meta.annotationsTooLong": "長すぎます: 最大 {max} バイトです",
  "endpoints.addressesRequired": "`addresses` か `notReadyAddresses` を指定しなければなりません",
  "endpoints.atLeastOneAddress": "アドレスが少なくとも 1 つ必要です",
  "endpoints.noServiceName":
    "kubernetes.io/service-name ラベルがありません: この EndpointSlice を使う Service はありません（kube-proxy と CoreDNS はこのラベルで EndpointSlice を選びます）",
  "endpoints.addressOfType": "正しい {addressType} アドレスでなければなりません",
  "ingress.backendOrRules": "`defaultBackend` か `rules` のどちらかを指定しなければなりません",
  "ingress.classAnnotation": "両方を指定するときは `ingressClassName` と一致しなければなりません",
  "ingress.hostIP": "IP アドレスではなく DNS 名でなければなりません",
  "ingress.pathType": "pathType を指定しなければなりません",
  "ingress.absolutePath": "絶対パスでなければなりません",
  "ingress.pathSequence": "'{sequence}' を含んではいけません",
  "ingress.pathSuffix": "'{suffix}' で終わってはいけません",
  "ingress.bothBackends": "resource と service のバックエンドを両方は指定できません",
  "ingress.backendRequired": "resource か service のバックエンドが必要です",
  "ingress.bothPorts": "ポート名とポート番号を両方は指定できません",
  "ingress.portRequired": "ポート名かポート番号が必要です",
  "ingress.controllerTooLong": "長すぎます: 250 バイト以内でなければなりません",
  "cross.alreadyDefined":
    "{kind} {object} は {at} ですでに定義されています。両方を apply すると最後のものだけが残ります",
  "cross.clusterIPRange":
    "IP {ip} を割り当てられません: 有効な範囲にありません。有効な IP の範囲は {cidr} です",
  "cross.clusterIPTaken": "IP {ip} を割り当てられません: すでに割り当て済みです（{owner}）",
  "cross.nodePortRange": "ポートが有効な範囲にありません。有効なポートの範囲は {min}-{max} です",
  "cross.nodePortTaken": "ポートはすでに割り当て済みです（{owner}）",
  "cross.namespaceUndefined":
    'Namespace "{namespace}" はここで定義されていません: 実際のクラスターでは、存在するまでその中のオブジェクトを拒否します（namespaces "{namespace}" not found）。シミュレーターは存在するものとみなします',
  "cross.statefulSetNoService": "Service {service} がありません: Pod ごとの DNS 名ができません",
  "cross.statefulSetNotHeadless":
    "Service {service} は Headless ではありません（clusterIP: None）: Pod ごとの DNS 名ができません",
  "cross.ingressNoService":
    "Service {service} がありません: Ingress コントローラーはこのバックエンドに 503 を返します",
  "nodePort.rangeFull": "内部エラー: NodePort を割り当てられません: 範囲がいっぱいです",
  "type.wrong": "{expected}でなければなりません（{actual}になっています）",
  "type.stringUnquoted":
    "文字列でなければなりません（{actual}になっています。YAML は引用符のない yes/no/on/off/true/false や数値をそう読みます: 値を引用符で囲んでください）",
  "type.list": "リスト",
  "type.null": "null",
  "type.mapping": "マッピング",
  "type.integer": "整数",
  "type.number": "数値",
  "type.string": "文字列",
  "type.boolean": "真偽値",
  "type.other": "{type} 型",
  "type.booleanTrueFalse": "真偽値（true か false）",
  "type.integerOrString": "整数か文字列",
  "gateway.tooLong253": "253 文字を超えてはいけません",
  "gateway.pattern": "'{pattern}' に一致しなければなりません",
  "gateway.portRange": "1 から 65535 の範囲でなければなりません",
  "gateway.listenerRequired": "Gateway にはリスナーが少なくとも 1 つ必要です",
  "gateway.listenerNameUnique": "リスナー名は Gateway 内で一意でなければなりません",
  "gateway.tlsForbidden": "プロトコル ['HTTP', 'TCP', 'UDP'] では tls を指定できません",
  "gateway.tlsRequired": "プロトコル ['HTTPS'] では tls を指定しなければなりません",
  "gateway.hostnameForbidden": "プロトコル ['TCP', 'UDP'] では hostname を指定できません",
  "gateway.listenerUnique": "port・protocol・hostname の組み合わせはリスナーごとに一意でなければなりません",
  "gateway.selectorRequired": "from が 'Selector' のときは selector を指定しなければなりません",
  "gateway.tlsTerminate": "プロトコル HTTPS では tls の mode は Terminate でなければなりません",
  "gateway.certificateRefs":
    "mode が Terminate のときは certificateRefs か options を指定しなければなりません",
  "gateway.regex": "シミュレーターのプロキシが読める正規表現ではありません",
  "gateway.path.absolute":
    "type が ['Exact', 'PathPrefix'] のいずれかのとき、value は '/' で始まる絶対パスでなければなりません",
  "gateway.path.contains": "type が ['Exact', 'PathPrefix'] のいずれかのとき、'{text}' を含んではいけません",
  "gateway.path.endsWith":
    "type が ['Exact', 'PathPrefix'] のいずれかのとき、'{text}' で終わってはいけません",
  "gateway.path.characters":
    "type が ['Exact', 'PathPrefix'] のとき、使える文字（{pattern} に一致するもの）だけでなければなりません",
  "gateway.replaceFullPath": "type が 'ReplaceFullPath' のときは replaceFullPath を指定しなければなりません",
  "gateway.replacePrefixMatch":
    "type が 'ReplacePrefixMatch' のときは replacePrefixMatch を指定しなければなりません",
  "gateway.filterConfig": "filter.type が {type} のときは filter.{field} を指定しなければなりません",
  "gateway.replacePrefixOneMatch":
    "{type} フィルターで path.replacePrefixMatch を使うときは、PathPrefix のマッチをちょうど 1 つ指定しなければなりません",
  "gateway.redirectAndRewrite":
    "httpRouteFilterRequestRedirect と httpRouteFilterRequestRewrite はどちらか一方しか指定できません",
  "gateway.filterRepeated": "{type} フィルターは繰り返せません",
  "gateway.backendPort": "Service を参照するにはポートが必要です",
  "gateway.weightRange": "0 から 1000000 の範囲でなければなりません",
  "gateway.grpcMethodRequired": "'service' と 'method' の一方または両方を指定しなければなりません",
  "gateway.grpcService": "service には使える文字だけを使わなければなりません（{pattern} に一致）",
  "gateway.grpcMethod": "method には使える文字だけを使わなければなりません（{pattern} に一致）",
  "kind.otherVersion":
    "シミュレートされません: {apiVersion} の {kind} は残りますが効果はありません。シミュレーターが扱う {kind} は {known} のものです",
  "kind.notSimulated":
    "シミュレートされません: {kind}（{apiVersion}）は残りますが効果はありません。シミュレーターが扱うのは {kinds} です",
  "kind.otherGroup":
    'バージョン "{apiVersion}" に kind "{kind}" はありません。{kind} は apiVersion "{served}" で提供されています',
  "kind.didYouMean": 'バージョン "{apiVersion}" に kind "{kind}" はありません。"{meant}" のことですか?',
  "kind.noMatch": 'バージョン "{apiVersion}" に kind "{kind}" はありません',
  "limits.note": "Kubernetes ではなくこのシミュレーターの上限です",
  "limits.workloadReplicas":
    "不正な値 {asked}: シミュレーターが動かせる Pod はワークロードあたり最大 {max} 個です（{note}）。spec.replicas を減らしてください",
  "limits.pods":
    "この {kind} で、マニフェストが求める Pod がシミュレーター全体の上限 {max} 個を超えます（{note}）。レプリカ数を減らすかオブジェクトを削除してください",
  "limits.count":
    "マニフェストに {kind} が {count} 個あります。シミュレーターが扱えるのは最大 {max} 個です（{note}）。いくつか削除してください",
  "limits.servicePorts":
    "Service のポートが合計でシミュレーターの上限 {max} 個を超えています（{note}）。いくつか削除してください",
  "limits.endpoints":
    "この Service で、Service が選ぶ Pod（エンドポイント）が合計でシミュレーターの上限 {max} 個を超えます（{note}）。選ぶ Pod を減らしてください",
  "scenario.duration": "40s、2m、1m30s のような時間でなければなりません",
  "scenario.positive": "0 より大きくなければなりません",
  "scenario.wholeNumberAtLeast": "{min} 以上の整数でなければなりません",
  "scenario.wholeNumberRange": "{min} から {max} までの整数でなければなりません",
  "type.wrongString": "文字列でなければなりません",
  "type.mustBeMapping": "マッピングでなければなりません",
  "type.mustBeList": "リストでなければなりません",
  "scenario.timeoutInterval": "間隔（{interval} 秒）以下でなければなりません",
  "scenario.streamShape": "name・from・to・rate を持つマッピングでなければなりません",
  "scenario.streamName": "ストリームごとに名前が必要です",
  "scenario.streamFrom": "external、node/NAME、pod/NAMESPACE/NAME のいずれか",
  "scenario.streamTo": "URL（http://host[:port]/path）か host:port",
  "scenario.rateRequired": "1 秒あたりのリクエスト数",
  "scenario.rate": "1 秒あたりのリクエスト数で、0 より大きく 100000 以下でなければなりません",
  "scenario.targetShape": "{shape}",
  "scenario.targetMustBe": "{shape} の形でなければなりません",
  "scenario.atBeforeEnd": "シナリオの終わり（spec.duration {duration} 秒）より前でなければなりません",
  "scenario.actions": "{actions}",
  "scenario.trueOrFalse": "true か false",
  "scenario.mustBeTrueOrFalse": "true か false でなければなりません",
  "scenario.eventShape": "at・action・target を持つマッピングでなければなりません",
  "scenario.specRequired": "Scenario には spec.duration が必要です",
  "scenario.maxDuration": "{hours} 時間以内でなければなりません",
  "scenario.tooManyRequests":
    "ストリームが spec.duration の間に {max} 個を超えるリクエストを送ります。rate か duration を減らしてください",
  "scenario.none":
    "ファイルに Scenario がありません: apiVersion: {apiVersion}、kind: {kind} のドキュメントを 1 つ書いてください",
  "scenario.oneDocument":
    "シナリオファイルに書ける Scenario ドキュメントは 1 つです: これは別のファイルに移してください",
  "scenario.scaledPods":
    "このスケールの後、クラスターの Pod は {total} 個になります。シミュレーターが動かせるのは全体で最大 {max} 個です（{note}）",
  "scenario.noNode": "見つかりません: ノードは {nodes}",
  "scenario.noPod": "見つかりません: 対象にできるのは開始時に存在する Pod だけです（svclab get pods を参照）",
  "scenario.noWorkload": "見つかりません: マニフェストにそのワークロードはありません",
  "scenario.request": "{detail}",
  "cluster.notServed": "{object} を処理するコントローラーがありません: {why}",
  "gateway.listenerCondition": "リスナー {listener}: {type} が False（{reason}）: {detail}",
  "gateway.routeUnowned": "{route}: {why}",
  "gateway.routeCondition": "{gateway} 上の {route}: {type} が False（{reason}）: {detail}",
  "gateway.invalidBackend": "{route}: {reason}: {detail}。ここに送られたリクエストは 500 になります",
  "ingress.gceNoService": 'ingress-gce: Service "{service}" が見つかりません',
  "ingress.gceServiceType":
    'ingress-gce: Service "{service}" の type は "{type}" です。"NodePort" か "LoadBalancer" が必要です',
  "mirroring.noService": "EndpointSlice にミラーリングされません: Service {service} がありません",
  "mirroring.hasSelector":
    "EndpointSlice にミラーリングされません: {service} にはセレクターがあるので、エンドポイントは EndpointSlice コントローラーが書きます",
  "namespace.undeclared":
    'Namespace "{namespace}" が宣言されていません: 実際の API サーバーは Namespace "{namespace}" ができるまでこのオブジェクトを拒否します。シミュレーターは自動で作ります',
  "service.cidrFull": "{service}: Service の CIDR {cidr} に空きがありません",
  "service.lbAddressesFull": "{service}: {cidr} にロードバランサーのアドレスが残っていません",
  "endpointSlice.noServiceName":
    "{slice} には {label} ラベルがないので、どの Service（と kube-proxy）も使いません",
  "cluster.pod.pending": "{pod} は Pending のままです: {reason}",
  "defaults.notNamespaced": "無視されます: {kind} は Namespace に属しません",
  "defaults.affinityConfigDropped": "無視して削除されます: sessionAffinity が None です",
  "file.tooLong":
    "ファイルが {length} 文字あります。上限は 1 ファイル {max} 文字（2 MiB）です: 小さなファイルに分けてください",
  "file.tooMuch":
    "ファイルの合計が {max} 文字（4 MiB、上限）を超えています: 一度に読み込むファイルを減らしてください",
  "file.listItems": "items: List には `items` のリストが必要です",
  "file.notMappingList":
    "マニフェストは apiVersion・kind・metadata を持つマッピングでなければなりません（リストになっています）",
  "file.notMapping":
    "マニフェストは apiVersion・kind・metadata を持つマッピングでなければなりません（{type} の {value} になっています）",
  "file.apiVersionRequired": 'どのオブジェクトにも apiVersion が必要です（例: "v1"、"apps/v1"）',
  "file.kindRequired": 'どのオブジェクトにも kind が必要です（例: "Service"）',
  "file.metadataRequired": "どのオブジェクトにも名前を含む metadata が必要です",
  "file.nameRequired": "名前が必要です",
  "yaml.syntax": "YAML の構文エラー: {reason}",
  "yaml.unreadable": "YAML を読めません: {reason}",
  "yaml.aliasNodes":
    'YAML のエイリアスがこのドキュメントに {max} 個を超えるノードをコピーします（"billion laughs" 攻撃を防ぐ上限）: 繰り返す値を書き出すか、エイリアスを減らしてください',
  "yaml.aliasDepth": "エイリアス *{name} によってこのドキュメントの深さが {max} 階層（上限）を超えます",
  "kubeProxy.ipvsDeprecated":
    "ipvs プロキシは非推奨になり、将来のリリースで削除される可能性があります。'nftables' を使ってください。",
  "kubeProxy.cannotDecode": "kube-proxy が設定をデコードできません: {reason}",
  "kubeProxy.kind":
    "kube-proxy がここで読むのは apiVersion: {apiVersion}、kind: KubeProxyConfiguration だけです",
  "kubeProxy.said": "kube-proxy: {detail}",
  "kubeProxy.badMode":
    "kube-proxy が起動しません: KubeProxyConfiguration.ProxyMode の値 {mode} は不正です。{modes} か空（空は利用できる最良のプロキシ、現在は iptables）でなければなりません",
};
