import { plural as pluralOf } from '../../src/index.ts';

/** Milliseconds as a person reads them: `0.42 ms`, `13 ms`, `1.9 s`. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A count with its noun, singular or plural: `1 event`, `7,000 events`. */
export function plural(count: number, noun: string): string {
  return pluralOf(count, noun, (n) => n.toLocaleString('en'));
}

/** A byte count with its unit: `1 byte`, `14 bytes`. */
export function formatBytes(count: number): string {
  return plural(count, 'byte');
}

/** Text shortened to `max` characters with an ellipsis, and quoted as Python would show it. */
export function quoteShort(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short);
}
