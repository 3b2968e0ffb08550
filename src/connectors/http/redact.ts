/**
 * Taking secrets out of text that came back from a server (or that we built around a request)
 * before it becomes a message the pane shows, an error we throw, or a status saved in the workbook.
 * Every pattern here is linear: the text may be hostile and is capped by the caller anyway.
 */

/** Most characters of a server's error body PivotDeck reads (the rest is never downloaded). */
export const MAX_ERROR_BODY_BYTES = 16 * 1024;

/** Shortest secret removed by its literal text: shorter ones would cut ordinary words apart. */
const MIN_LITERAL = 4;

// A URL query up to the next space or quote: it may carry user=…&password=… or a key.
const URL_QUERY = /\?[^\s"'<>`”’)]+/g;
// password=…, pwd: …, api_key=…, token=…, secret=…, sig=… written anywhere in the text.
const KEY_VALUE = /\b(password|passwd|pwd|api[_-]?key|apikey|access[_-]?token|token|secret|client[_-]?secret|sig|signature)(\s{0,3}[=:]\s{0,3})[^\s&"',;)]+/gi;
// Authorization header values.
const AUTH_VALUE = /\b(Basic|Bearer)\s{1,3}[A-Za-z0-9+/=._~-]{6,}/g;

/**
 * `text` with the given secrets (also URL-encoded and base64 forms), URL queries, key=value
 * secrets and Authorization values replaced by "…".
 * @example redactSecrets('Denied for /?user=ann&password=hunter22 (hunter22)', ['hunter22']) // 'Denied for /… (…)'
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const form of secretForms(secrets)) out = out.split(form).join('…');
  return out.replace(URL_QUERY, '…').replace(KEY_VALUE, '$1$2…').replace(AUTH_VALUE, '$1 …');
}

/**
 * Does `text` still hold any of the secrets, in any of the forms they travel in?
 * @example containsSecret('x aHVudGVyMjI= y', ['hunter22']) // true (base64)
 */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secretForms(secrets).some((form) => text.includes(form));
}

/**
 * A secret as it may appear in text: as is, URL-encoded (both styles), and base64 (UTF-8).
 * @example secretForms(['a b&c']) // ['a%20b%26c', 'YSBiJmM=', 'a+b%26c', 'a b&c']
 */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_LITERAL) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
    forms.add(base64Utf8(secret));
  }
  // Longest first, so a form that contains another is removed whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Read at most `maxBytes` of a body as text and release the rest unread.
 * @example const text = await readCappedText(response, MAX_ERROR_BODY_BYTES);
 */
export async function readCappedText(response: Response, maxBytes = MAX_ERROR_BODY_BYTES): Promise<string> {
  if (!response.body) return (await response.text()).slice(0, maxBytes);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      const room = maxBytes - bytes;
      const part = value.byteLength > room ? value.subarray(0, room) : value;
      bytes += part.byteLength;
      text += decoder.decode(part, { stream: true });
    }
    await reader.cancel().catch(() => undefined);
    return text + decoder.decode();
  } finally {
    reader.releaseLock();
  }
}
