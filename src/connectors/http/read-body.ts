import type { PullProgress } from '../types';
import type { Answer } from './request';

/**
 * Read a response body to bytes, reporting progress; maps aborts and broken connections.
 * `bytesBefore` carries the running total across pages.
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
  let received = 0;
  try {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress?.({ phase: 'download', bytes: bytesBefore + received, totalBytes, ...extra });
    }
  } catch (error) {
    throw answer.failure(error);
  }
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
