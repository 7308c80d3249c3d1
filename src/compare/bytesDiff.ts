/**
 * Two byte strings compared line by line: as text when both are UTF-8 (a body of JSON, HTML,
 * the head of a response), else as hex dump lines of 16 bytes. Lines that differ only in a
 * `Date:` header line up as the same (the clock moved on between the runs).
 */
import { utf8OrNull } from '../trace/bytes.ts';
import { alignRows, type AlignedRow } from './alignRows.ts';

/** The most lines compared on each side; beyond that the comparison says it was cut. */
export const MAX_DIFF_LINES = 4000;

/** Two byte strings compared. */
export interface BytesDiff {
  /** How the lines were read: as UTF-8 text, or as hex dump lines. */
  mode: 'text' | 'hex';
  rows: AlignedRow<string>[];
  /** The bytes are exactly the same. */
  identical: boolean;
  sizes: { a: number; b: number };
  /** Only the first `MAX_DIFF_LINES` lines of a side were compared. */
  cut: boolean;
}

const BYTES_PER_LINE = 16;

/** Hex dump lines: offset, 16 bytes in hex, and the printable ASCII of them. */
export function hexLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; start += BYTES_PER_LINE) {
    const slice = bytes.subarray(start, start + BYTES_PER_LINE);
    const hex = [...slice].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...slice]
      .map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'))
      .join('');
    lines.push(
      `${start.toString(16).padStart(8, '0')}  ${hex.padEnd(BYTES_PER_LINE * 3 - 1)}  ${ascii}`,
    );
  }
  return lines;
}

/** Text split after each line end, keeping the ends (`\r\n` shows where HTTP needs it). */
function textLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

const clockLine = /^date:/i;
/** Two lines are the same, or both `Date:` header lines. */
const sameLine = (x: string, y: string): boolean =>
  x === y || (clockLine.test(x) && clockLine.test(y));

/** Compare `a` and `b` (see the file's comment). */
export function diffBytes(a: Uint8Array, b: Uint8Array): BytesDiff {
  const textA = utf8OrNull(a);
  const textB = utf8OrNull(b);
  const mode = textA !== null && textB !== null ? 'text' : 'hex';
  const linesA = mode === 'text' ? textLines(textA ?? '') : hexLines(a);
  const linesB = mode === 'text' ? textLines(textB ?? '') : hexLines(b);
  const cut = linesA.length > MAX_DIFF_LINES || linesB.length > MAX_DIFF_LINES;
  const rows = alignRows(linesA.slice(0, MAX_DIFF_LINES), linesB.slice(0, MAX_DIFF_LINES), {
    slot: sameLine,
    equal: sameLine,
    pairRuns: true,
  });
  return { mode, rows, identical: sameBytes(a, b), sizes: { a: a.length, b: b.length }, cut };
}
