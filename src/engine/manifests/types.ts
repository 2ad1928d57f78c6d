import type { DiagnosticMessage } from "../messages/index.ts";

/** Where a piece of user input came from. Lines and columns are 1-based, as editors and compilers print them. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type Severity = "error" | "warning";

/** A problem in user input, returned as a value (never thrown). `path` is the field path, e.g. `spec.ports[1].nodePort`. */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  path: string;
  /** The problem as a code and its parameters, for the app to show in the learner's language. */
  text: DiagnosticMessage;
  /** The same in English (renderMessage(text)): what the CLI prints. */
  message: string;
  /** The object the problem belongs to, as a ref (`svc/default/web`), when known. */
  object?: string;
}

export type Result<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface SourceFile {
  name: string;
  text: string;
}

export type Labels = Record<string, string>;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  uid?: string;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid?: string; controller?: boolean }[];
  generateName?: string;
  [key: string]: unknown;
}

/** Any Kubernetes object as written in YAML: the engine keeps the real shape. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * One object read from a file, with the position of each of its fields so that a diagnostic or a
 * trace hop can point at the line that caused it. Keys of `positions` are field paths as in
 * Diagnostic.path ("" is the document itself, "spec.ports[0].targetPort" a field).
 */
export interface SourcedObject<T extends KubeObject = KubeObject> {
  object: T;
  file: string;
  /** 0-based index of the YAML document within its file. */
  documentIndex: number;
  positions: ReadonlyMap<string, SourcePosition>;
  /**
   * The messages a simulated controller wrote into the status, as engine messages by the path of
   * each `message` field (`status.conditions[0].message`): the status keeps the English, as the
   * controller writes it; the app shows these in the learner's language.
   */
  statusTexts?: Readonly<Record<string, DiagnosticMessage>>;
}
