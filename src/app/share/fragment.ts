// Apart from shareLink.ts: the page looks at its address on every load, and only a page opened from a
// share link needs the code that unpacks one (lz-string; issue 15: a light first load).

export const SHARE_PARAM = "share";

/** The share payload in a URL fragment (`#share=...`, with or without the `#`), if there is one. */
export function sharePayload(fragment: string): string | null {
  const match = /^#?share=(.*)$/s.exec(fragment);
  if (!match) return null;
  const payload = match[1] ?? "";
  // lz-string's URI alphabet has no "%": a chat app or mail client that percent-encoded the link is undone here.
  if (!payload.includes("%")) return payload;
  try {
    return decodeURIComponent(payload);
  } catch {
    return payload;
  }
}
