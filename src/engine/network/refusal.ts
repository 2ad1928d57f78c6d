import { type DiagnosticMessage, renderMessage } from "../messages/index.ts";

/**
 * A request that cannot be sent, and why: `text` for the app to render in the learner's language,
 * `message` its English rendering (what the CLI prints).
 */
export type Refusal = { ok: false; message: string; text: DiagnosticMessage };

export function refuse(text: DiagnosticMessage): Refusal {
  return { ok: false, message: renderMessage(text), text };
}
