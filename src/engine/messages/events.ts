/** English templates of the control plane's event messages (`SimEvent.text`), keyed by code. */
export const eventTexts = {} as const satisfies Record<string, string>;
