/** A piece of a rule's text: plain words, or code the rule wrote between backticks. */
export interface TextPiece {
  text: string;
  code: boolean;
}

/** Split `text` at its backtick-quoted code spans (an unpaired backtick stays as text). */
export function codeSpans(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(/`([^`]+)`/g)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), code: false });
    pieces.push({ text: match[1] ?? '', code: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), code: false });
  return pieces;
}
