/** Bytes as the rows of a hex dump: offset, sixteen bytes in hex, and their ASCII. */

/** Bytes per row. */
export const HEX_ROW_BYTES = 16;

/** One row of a hex dump. */
export interface HexRow {
  /** Offset of the row's first byte, in hex, padded to eight digits. */
  offset: string;
  /** The bytes in hex, a space between each and an extra one after the eighth. */
  hex: string;
  /** The bytes as ASCII, with '.' for anything not printable. */
  ascii: string;
}

/**
 * The rows covering bytes `[from, to)`; `from` is rounded down to a row boundary.
 *
 * @example
 * hexRows(new TextEncoder().encode('Hi\n'), 0, 3)
 * // [{ offset: '00000000', hex: '48 69 0a', ascii: 'Hi.' }]
 */
export function hexRows(bytes: Uint8Array, from = 0, to = bytes.length): HexRow[] {
  const rows: HexRow[] = [];
  const end = Math.min(to, bytes.length);
  for (let start = from - (from % HEX_ROW_BYTES); start < end; start += HEX_ROW_BYTES) {
    const hex: string[] = [];
    let ascii = '';
    for (let i = start; i < Math.min(start + HEX_ROW_BYTES, end); i++) {
      const byte = bytes[i] ?? 0;
      hex.push(byte.toString(16).padStart(2, '0'));
      ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    rows.push({
      offset: start.toString(16).padStart(8, '0'),
      hex: hex.slice(0, 8).join(' ') + (hex.length > 8 ? `  ${hex.slice(8).join(' ')}` : ''),
      ascii,
    });
  }
  return rows;
}
