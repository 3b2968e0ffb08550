import { SourceError } from '../errors';
import { refuseMarkup } from './sniff-markup';

/**
 * JSON.parse with a message that says where the JSON broke (character offset, line and column),
 * which is what a user needs to find a cut-short download or a hand-edited file. A web page or XML
 * document (a sign-in page, an XML error) is named as such instead: "not valid JSON at character
 * 0" would not tell the user what the server sent.
 * @example parseJsonText('{"a": 1,}') // throws SourceError('malformed', '... line 1, column 9 ...')
 * @example parseJsonText('<html><title>Sign in</title>', 'text/html') // throws '... a web page (HTML) titled "Sign in" ...'
 */
export function parseJsonText(text: string, contentType: string | null = null): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Only once JSON.parse failed: valid JSON never starts with "<", so this costs nothing on success.
    refuseMarkup(text, contentType, 'JSON');
    const raw = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(raw);
    const offset = position ? Number(position[1]) : /end of (JSON )?(data|input)|Unterminated/i.test(raw) ? text.length : undefined;
    let where = '';
    if (offset !== undefined) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` at character ${offset.toLocaleString('en-US')} (line ${line}, column ${column})`;
    }
    const cut = offset !== undefined && offset >= text.length ? ' It ends too early: the download may have been cut short.' : '';
    throw new SourceError('malformed', `The response is not valid JSON${where}.${cut} Check the address returns JSON, then refresh again.`, { offset }, { cause: error });
  }
}
