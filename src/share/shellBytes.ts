/** Request bodies on a shell command line: as text when they can be, else as printf bytes. */
import { utf8OrNull } from '../trace/bytes.ts';

/** The body as text, or null when it is not UTF-8 or holds NUL (which shell strings cannot). */
export function bodyText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  return utf8OrNull(bytes);
}

/** A printf format that writes exactly `bytes`. */
export function printfFormat(bytes: Uint8Array): string {
  let format = '';
  for (const byte of bytes) {
    if (byte === 0x25) format += '%%';
    else if (byte === 0x5c) format += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) format += String.fromCharCode(byte);
    else format += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return format;
}
