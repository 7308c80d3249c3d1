import { codeSpans } from './codeSpans.ts';

/**
 * A rule's hint, its backtick-quoted parts shown as code. (Not for messages: they quote the
 * app's data, where a backtick is just a character.)
 */
export function RuleText({ text }: { text: string }) {
  return codeSpans(text).map((piece, index) =>
    piece.code ? <code key={index}>{piece.text}</code> : piece.text,
  );
}
