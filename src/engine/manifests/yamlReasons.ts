import type { DiagnosticMessage } from "../messages/index.ts";

/**
 * js-yaml's reasons (its loader's throwError calls, js-yaml 5) as message codes, so a syntax
 * error reads in the learner's language; each code's English template is js-yaml's own text, so
 * the CLI prints what it always printed. A reason not listed here is shown as js-yaml wrote it.
 */
const REASONS: Readonly<Record<string, DiagnosticMessage["code"]>> = {
  "bad indentation of a mapping entry": "yaml.reason.mappingIndent",
  "bad indentation of a sequence entry": "yaml.reason.sequenceIndent",
  "tab characters must not be used in indentation": "yaml.reason.tabIndent",
  "duplicated mapping key": "yaml.reason.duplicateKey",
  "end of the stream or a document separator is expected": "yaml.reason.endExpected",
  "can not read a block mapping entry; a multiline key may not be an implicit key":
    "yaml.reason.multilineKey",
  "a whitespace character is expected after the key-value separator within a block mapping":
    "yaml.reason.spaceAfterColon",
  "deficient indentation": "yaml.reason.deficientIndent",
  "missed comma between flow collection entries": "yaml.reason.missedComma",
  "unexpected end of the stream within a flow collection": "yaml.reason.unclosedFlow",
  "unexpected end of the stream within a double quoted scalar": "yaml.reason.unclosedDouble",
  "unexpected end of the stream within a single quoted scalar": "yaml.reason.unclosedSingle",
  "unexpected end of the document within a double quoted scalar": "yaml.reason.unclosedDoubleInDocument",
  "unexpected end of the document within a single quoted scalar": "yaml.reason.unclosedSingleInDocument",
  "unknown escape sequence": "yaml.reason.unknownEscape",
  "a line break is expected": "yaml.reason.lineBreak",
  "the stream contains non-printable characters": "yaml.reason.nonPrintable",
  "can not read a document": "yaml.reason.unreadableDocument",
  "expected the node content, but found ','": "yaml.reason.unexpectedComma",
};

const UNKNOWN_ALIAS = /^unidentified alias "(.*)"$/;

export function yamlReason(reason: string): DiagnosticMessage {
  const code = REASONS[reason];
  if (code) return { code, params: {} } as DiagnosticMessage;
  const alias = UNKNOWN_ALIAS.exec(reason);
  if (alias) return { code: "yaml.reason.unknownAlias", params: { name: alias[1] ?? "" } };
  return { code: "yaml.reason.other", params: { reason } };
}
