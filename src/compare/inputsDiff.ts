/**
 * What went into two runs, compared: the request (method, target, headers, body), the
 * settings, and the project's files — the reasons the runs may differ.
 */
import { bytesToText, fromBase64 } from '../trace/bytes.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import type { Project } from '../project/project.ts';
import type { RowChange } from './alignRows.ts';

/** One input that differs: a field of the request or a setting, and its two values. */
export interface InputChange {
  field: string;
  a: string;
  b: string;
}

/** A file of the two projects (or the entry), and how it changed. */
export interface FileChange {
  path: string;
  change: RowChange;
  a: string | null;
  b: string | null;
}

const shown = (value: unknown): string =>
  value === undefined || value === null
    ? '—'
    : typeof value === 'string'
      ? JSON.stringify(value)
      : String(value);

const headerLines = (request: HttpRequest): string =>
  request.headers.map(([name, value]) => `${name}: ${value}`).join('\n');
const bodyText = (request: HttpRequest): string => bytesToText(fromBase64(request.bodyBase64));

/** The fields of the request that differ (headers in order, one row for them all). */
export function diffRequests(a: HttpRequest, b: HttpRequest): InputChange[] {
  const fields: [string, string, string][] = [
    ['Method', a.method, b.method],
    ['Target', a.target, b.target],
    ['Headers', headerLines(a), headerLines(b)],
    ['Body', bodyText(a), bodyText(b)],
  ];
  return fields.filter(([, x, y]) => x !== y).map(([field, x, y]) => ({ field, a: x, b: y }));
}

/** The settings that differ, by name. */
export function diffSettings(a: Partial<Settings>, b: Partial<Settings>): InputChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof Settings)[];
  return keys
    .filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null))
    .map((key) => ({ field: key, a: shown(a[key]), b: shown(b[key]) }));
}

/** Each file of the two projects in A's order then B's new ones; the entry as a pseudo-file. */
export function diffProjects(a: Project, b: Project): FileChange[] {
  const paths = [
    ...Object.keys(a.files),
    ...Object.keys(b.files).filter((p) => !Object.hasOwn(a.files, p)),
  ];
  return paths.map((path): FileChange => {
    const x = Object.hasOwn(a.files, path) ? (a.files[path] ?? null) : null;
    const y = Object.hasOwn(b.files, path) ? (b.files[path] ?? null) : null;
    const change: RowChange =
      x === null ? 'added' : y === null ? 'removed' : x === y ? 'same' : 'changed';
    return { path, change, a: x, b: y };
  });
}
