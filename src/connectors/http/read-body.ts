import type { PullProgress } from '../types';
import type { Answer } from './request';

/**
 * Read a response body to bytes, reporting progress; maps aborts and broken connections.
 * `bytesBefore` carries the running total across pages. When the server says how long the body
 * is, each chunk is copied into place as it arrives: gathering a 60 MB CSV's chunks and joining
 * them at the end was one 60–150 ms task on the pane's thread. A body that turns out longer
 * (Content-Length counts compressed bytes, the stream gives them decoded) or shorter is joined
 * at the end as before.
 */
export async function readBytes(
  answer: Answer,
  onProgress?: (progress: PullProgress) => void,
  bytesBefore = 0,
  extra: Partial<PullProgress> = {},
): Promise<Uint8Array> {
  const { response } = answer;
  const length = Number(response.headers.get('Content-Length'));
  const totalBytes = Number.isFinite(length) && length > 0 ? length : undefined;
  const chunks: Uint8Array[] = [];
  let filled: Uint8Array | undefined;
  let received = 0;
  try {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (totalBytes !== undefined && chunks.length === 0 && received + value.byteLength <= totalBytes) {
        (filled ??= new Uint8Array(totalBytes)).set(value, received);
      } else {
        // Longer than announced: keep what was filled as the first chunk and gather the rest.
        if (filled) chunks.push(filled.subarray(0, received));
        filled = undefined;
        chunks.push(value);
      }
      received += value.byteLength;
      onProgress?.({ phase: 'download', bytes: bytesBefore + received, totalBytes, ...extra });
    }
  } catch (error) {
    throw answer.failure(error);
  }
  if (filled) return received === filled.length ? filled : filled.slice(0, received);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Decode text: a UTF-8 or UTF-16 byte-order mark wins, then the Content-Type charset, then UTF-8.
 * The BOM is removed.
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), null) // 'a'
 */
export function decodeText(bytes: Uint8Array, contentType: string | null): string {
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
    if (charset) label = charset;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
