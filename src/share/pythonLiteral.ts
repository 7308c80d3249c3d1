/**
 * Python source literals for generated scripts: strings, bytes, plain values, and a module's
 * source as a readable triple-quoted block. Each reads back as exactly the value it was given.
 */

/** A short Python `str` literal. JSON's string syntax is a subset of Python's, escapes included. */
export function pyStr(text: string): string {
  return JSON.stringify(text);
}

const BYTE_ESCAPES: Readonly<Record<number, string>> = {
  0x5c: '\\\\',
  0x27: "\\'",
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
};

/** A Python `bytes` literal: printable ASCII as is, everything else escaped. */
export function pyBytes(bytes: Uint8Array): string {
  let out = "b'";
  for (const byte of bytes) {
    out +=
      BYTE_ESCAPES[byte] ??
      (byte >= 0x20 && byte < 0x7f
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`);
  }
  return `${out}'`;
}

/** A JSON-like value (string, number, boolean, null, arrays, plain objects) as Python source. */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${pyStr(key)}: ${pyValue(item)}`,
  );
  return `{${entries.join(', ')}}`;
}

/** Characters a raw triple-quoted block cannot hold as themselves (CR would become LF). */
const NOT_RAW =
  // Control characters and lone surrogates are exactly what this looks for.
  // oxlint-disable-next-line no-control-regex
  /[\0-\x08\x0b-\x1f\x7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A multi-line text (such as a module's source) as a triple-quoted literal that starts on the
 * next line, so the text reads as itself: `r'''\` … `'''` when that is exact, an escaped
 * `"""` literal otherwise.
 */
export function pyBlock(text: string): string {
  if (!NOT_RAW.test(text)) {
    for (const quote of ["'''", '"""']) {
      const q = quote[0] ?? '';
      // A raw literal cannot contain its own quotes, end with a backslash or with its quote.
      const trailingBackslashes = /\\*$/.exec(text)?.[0].length ?? 0;
      if (!text.includes(quote) && !text.endsWith(q) && trailingBackslashes % 2 === 0) {
        // `\` right after the opening quotes would be kept in a raw literal: start on the line.
        return text.startsWith('\n') || text === ''
          ? `r${quote}${text}${quote}`
          : `r${quote}\n${text}${quote}[1:]`;
      }
    }
  }
  let escaped = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') escaped += '\\\\';
    else if (char === '"') escaped += '\\"';
    else if (char === '\n' || char === '\t') escaped += char;
    else if (code < 0x20 || code === 0x7f) escaped += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) escaped += `\\u${code.toString(16)}`;
    else escaped += char;
  }
  return `"""\\\n${escaped}"""`;
}
