// Name and label syntax, as k8s.io/apimachinery/pkg/util/validation/validation.go checks it; each
// function returns that file's messages (empty when the value is valid).
import { type EngineMessage, message, messageList } from "../../messages/index.ts";

type RuleCode =
  | "name.rule.dns1123Label"
  | "name.rule.dns1123Subdomain"
  | "name.rule.dns1035Label"
  | "name.rule.wildcardSubdomain"
  | "name.rule.qualifiedName"
  | "name.rule.labelValue"
  | "name.rule.configMapKey"
  | "name.rule.path";

function regexError(rule: RuleCode, format: string, ...examples: string[]): EngineMessage {
  if (examples.length === 0) return message("name.regex", { rule: message(rule), format });
  const list = messageList(
    examples.map((example) => message("name.example", { example })),
    "list.or",
  );
  return message("name.regexExamples", { rule: message(rule), examples: list, format });
}

function maxLenError(length: number): EngineMessage {
  return message("name.maxLength", { length });
}

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

const whole = (format: string) => new RegExp(`^(?:${format})$`);
const DNS1123_LABEL = whole(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = whole(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = whole(DNS1035_LABEL_FMT);
const QNAME = whole(QNAME_FMT);
const LABEL_VALUE = whole(LABEL_VALUE_FMT);
const WILDCARD_DNS1123_SUBDOMAIN = whole(WILDCARD_DNS1123_SUBDOMAIN_FMT);
const CONFIG_MAP_KEY = whole(CONFIG_MAP_KEY_FMT);
const HTTP_PATH = whole(HTTP_PATH_FMT);

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

/** The checks validation.go's IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label and IsWildcardDNS1123Subdomain share: a length, then a format. */
function lengthAndFormat(
  value: string,
  max: number,
  pattern: RegExp,
  rule: RuleCode,
  format: string,
  ...examples: string[]
): EngineMessage[] {
  const errs: EngineMessage[] = [];
  if (value.length > max) errs.push(maxLenError(max));
  if (!pattern.test(value)) errs.push(regexError(rule, format, ...examples));
  return errs;
}

export function isDNS1123Label(value: string): EngineMessage[] {
  return lengthAndFormat(
    value,
    DNS1123_LABEL_MAX,
    DNS1123_LABEL,
    "name.rule.dns1123Label",
    DNS1123_LABEL_FMT,
    "my-name",
    "123-abc",
  );
}

export function isDNS1123Subdomain(value: string): EngineMessage[] {
  return lengthAndFormat(
    value,
    DNS1123_SUBDOMAIN_MAX,
    DNS1123_SUBDOMAIN,
    "name.rule.dns1123Subdomain",
    DNS1123_SUBDOMAIN_FMT,
    "example.com",
  );
}

export function isDNS1035Label(value: string): EngineMessage[] {
  return lengthAndFormat(
    value,
    DNS1123_LABEL_MAX,
    DNS1035_LABEL,
    "name.rule.dns1035Label",
    DNS1035_LABEL_FMT,
    "my-name",
    "abc-123",
  );
}

export function isWildcardDNS1123Subdomain(value: string): EngineMessage[] {
  return lengthAndFormat(
    value,
    DNS1123_SUBDOMAIN_MAX,
    WILDCARD_DNS1123_SUBDOMAIN,
    "name.rule.wildcardSubdomain",
    WILDCARD_DNS1123_SUBDOMAIN_FMT,
    "*.example.com",
  );
}

/** Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
export function isQualifiedName(value: string): EngineMessage[] {
  // The usual key: a name without a prefix, that fits (issue 15: every label key of 1 MB was split).
  if (value.length <= DNS1123_LABEL_MAX && !value.includes("/") && QNAME.test(value)) return [];
  const errs: EngineMessage[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? "";
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? "";
    name = parts[1] ?? "";
    if (prefix.length === 0) errs.push(message("name.prefixEmpty"));
    else errs.push(...isDNS1123Subdomain(prefix).map((detail) => message("name.prefixPart", { detail })));
  } else {
    const detail = regexError("name.rule.qualifiedName", QNAME_FMT, "MyName", "my.name", "123-abc");
    return [message("name.qualifiedName", { detail })];
  }
  if (name.length === 0) errs.push(message("name.namePartEmpty"));
  else if (name.length > DNS1123_LABEL_MAX)
    errs.push(message("name.namePart", { detail: maxLenError(DNS1123_LABEL_MAX) }));
  if (!QNAME.test(name)) {
    const detail = regexError("name.rule.qualifiedName", QNAME_FMT, "MyName", "my.name", "123-abc");
    errs.push(message("name.namePart", { detail }));
  }
  return errs;
}

export function isValidLabelValue(value: string): EngineMessage[] {
  const errs: EngineMessage[] = [];
  if (value.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!LABEL_VALUE.test(value)) {
    errs.push(regexError("name.rule.labelValue", LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  }
  return errs;
}

/** IANA_SVC_NAME (RFC 6335): how container ports and named targetPorts are named. */
export function isValidPortName(value: string): EngineMessage[] {
  const errs: EngineMessage[] = [];
  if (value.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(value)) errs.push(message("name.port.characters"));
  if (!/[a-z]/.test(value)) errs.push(message("name.port.letter"));
  if (value.includes("--")) errs.push(message("name.port.consecutiveHyphens"));
  if (value.startsWith("-") || value.endsWith("-")) errs.push(message("name.port.edgeHyphen"));
  return errs;
}

export function isValidPortNum(port: number): EngineMessage[] {
  return port >= 1 && port <= 65535 ? [] : [message("name.port.range")];
}

export function isConfigMapKey(value: string): EngineMessage[] {
  const errs: EngineMessage[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!CONFIG_MAP_KEY.test(value)) {
    errs.push(regexError("name.rule.configMapKey", CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
  }
  if (value === ".") errs.push(message("name.notDot"));
  else if (value === "..") errs.push(message("name.notDotDot"));
  else if (value.startsWith("..")) errs.push(message("name.notStartDotDot"));
  return errs;
}

/** IngressClass spec.controller: `example.com/name` (validation.go IsDomainPrefixedPath). */
export function isDomainPrefixedPath(value: string): EngineMessage[] {
  const slash = value.indexOf("/");
  const host = slash < 0 ? value : value.slice(0, slash);
  const path = slash < 0 ? "" : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || path.length === 0) return [message("name.domainPrefixedPath")];
  const errs = isDNS1123Subdomain(host);
  if (!HTTP_PATH.test(path)) errs.push(regexError("name.rule.path", HTTP_PATH_FMT));
  return errs;
}

/** FQDN as EndpointSlice addresses of type FQDN need: a DNS subdomain with at least two labels. */
export function isFullyQualifiedDomainName(value: string): EngineMessage[] {
  const name = value.toLowerCase().replace(/\.$/, "");
  if (name.length === 0) return [message("name.empty")];
  const errs = isDNS1123Subdomain(name);
  if (errs.length > 0) return [messageList(errs, "list.comma")];
  if (name.split(".").length < 2) return [message("name.twoSegments")];
  return name.split(".").flatMap(isDNS1123Label);
}
