/** English templates of manifest diagnostics (`Diagnostic.text`), keyed by code. */
export const diagnosticTexts = {} as const satisfies Record<string, string>;
