/** Text with its invisible characters made visible, for values shown in monospace. */

/** A run of ordinary text, or one control character shown as an escape (`\t`, `\n`, `\x00`). */
export interface TextPiece {
  text: string;
  control: boolean;
}

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Split text into ordinary runs and escaped control characters (C0, DEL and C1), so that
 * a tab or a stray CR in an environ value can be seen. With `keepLayout`, tabs and line
 * breaks stay as they are (for a body shown as text).
 *
 * @example
 * visiblePieces('a\tb') // [{text:'a',control:false},{text:'\\t',control:true},{text:'b',control:false}]
 */
export function visiblePieces(text: string, keepLayout = false): TextPiece[] {
  const pieces: TextPiece[] = [];
  let run = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const layout = ch === '\t' || ch === '\n' || ch === '\r';
    if ((code < 0x20 || (code >= 0x7f && code < 0xa0)) && !(keepLayout && layout)) {
      if (run) pieces.push({ text: run, control: false });
      run = '';
      pieces.push({ text: NAMED[ch] ?? `\\x${code.toString(16).padStart(2, '0')}`, control: true });
    } else {
      run += ch;
    }
  }
  if (run) pieces.push({ text: run, control: false });
  return pieces;
}
