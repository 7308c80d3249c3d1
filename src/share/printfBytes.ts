/**
 * The bytes `printf FORMAT` writes, for commands such as `printf '\x00\xff' | curl --data-binary @-`
 * (the only way to hand curl bytes that are not text on a command line).
 */

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  '\\': 0x5c,
  a: 0x07,
  b: 0x08,
  e: 0x1b,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '"': 0x22,
  "'": 0x27,
};

/** The bytes of a printf format with no arguments: `\xHH`, `\NNN` octal, `\n` …, `%%`. */
export function printfBytes(format: string): Uint8Array {
  const out: number[] = [];
  const text = new TextEncoder();
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === '%' && format[i + 1] === '%') {
      out.push(0x25);
      i++;
    } else if (c === '\\' && i + 1 < format.length) {
      const rest = format.slice(i + 1);
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(rest);
      const octal = /^([0-7]{1,3})/.exec(rest);
      const simple = SIMPLE_ESCAPES[rest[0] ?? ''];
      if (hex?.[1] !== undefined) {
        out.push(parseInt(hex[1], 16));
        i += hex[0].length;
      } else if (octal?.[1] !== undefined) {
        out.push(parseInt(octal[1], 8) & 0xff);
        i += octal[0].length;
      } else if (simple !== undefined) {
        out.push(simple);
        i++;
      } else {
        out.push(0x5c);
      }
    } else {
      const code = format.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      out.push(...text.encode(char));
      i += char.length - 1;
    }
  }
  return Uint8Array.from(out);
}
