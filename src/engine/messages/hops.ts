/** English templates of hop explanations (`Hop.message`), keyed by code. */
export const hopTexts = {} as const satisfies Record<string, string>;
