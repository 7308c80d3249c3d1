/**
 * Running apps and comparing their results: the request the hostile apps get, running an app
 * through the page's test hook, reading the page's default app, a result as named text fields
 * with what legitimately varies masked, and the differences between two such summaries.
 */
import type { Page } from '@playwright/test';
import type { Trace } from '../../src/index.ts';
import type { CleanApp } from './cleanApps.ts';

/** The request the hostile apps get. */
export const HOSTILE_REQUEST: CleanApp['request'] = {
  method: 'GET',
  target: '/',
  headers: [['Host', 'localhost']],
};

/** What one run gave: its Trace, the engine's rejection, or nothing within the wait. */
export type RunResult =
  | { kind: 'trace'; ms: number; trace: Trace }
  | { kind: 'rejected'; ms: number; message: string }
  | { kind: 'no-result'; ms: number };

/** Run `code` on `request` through the page's test hook; `ms` is from run() to its result. */
export async function runApp(
  page: Page,
  app: Pick<CleanApp, 'code' | 'request'>,
  waitMs = 60_000,
): Promise<RunResult> {
  return page.evaluate(
    async ({ code, request, wait }) => {
      const hook = window.__wsgiPlayground;
      if (!hook) throw new Error('no test hook');
      hook.setCode(code);
      const base = hook.getRequest();
      hook.setRequest({
        method: request.method,
        target: request.target,
        headers: request.headers.map(([name, value]) => ({ name, value, enabled: true })),
        body: request.body
          ? {
              ...base.body,
              mode: 'raw',
              raw: request.body.text,
              rawContentType: request.body.contentType,
            }
          : { ...base.body, mode: 'none' },
      });
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<null>(
        (resolve) => (timer = setTimeout(() => resolve(null), wait)),
      );
      try {
        const trace = await Promise.race([hook.run(), timedOut]);
        return trace
          ? ({ kind: 'trace', ms: ms(), trace } as const)
          : ({ kind: 'no-result', ms: ms() } as const);
      } catch (error) {
        return { kind: 'rejected', ms: ms(), message: String(error) } as const;
      } finally {
        clearTimeout(timer);
      }
    },
    { code: app.code, request: app.request, wait: waitMs },
  );
}

/** The clean app the page opens with (the default example and its request), read from a
 * fresh page before anything else ran in it. */
export async function defaultApp(page: Page): Promise<CleanApp> {
  const { code, request } = await page.evaluate(() => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    return { code: hook.getCode(), request: hook.getRequest() };
  });
  if (request.body.mode !== 'none') throw new Error('the default request has a body');
  return {
    name: 'the default example',
    code,
    request: {
      method: request.method,
      target: request.target,
      headers: request.headers.filter((h) => h.enabled).map((h) => [h.name, h.value]),
    },
  };
}

/** One result as named text fields, with what legitimately varies masked: event times and
 * `stats.ms` and `stats.loadMs`, the Date header (only when it is a real date within a day of now, so a forged
 * date still shows) and `interpolatedTimes` (which chunks' times were read depends on speed). */
export type Summary = Record<string, string>;

const DAY_MS = 24 * 60 * 60 * 1000;

function maskDate(value: string, now: number): string {
  const when = Date.parse(value);
  return value.endsWith(' GMT') && Math.abs(when - now) < DAY_MS ? '<date>' : value;
}

function maskHeaders(headers: unknown, now: number): unknown {
  if (!Array.isArray(headers)) return headers;
  return headers.map((pair: unknown) =>
    Array.isArray(pair) && pair.length === 2 && String(pair[0]).toLowerCase() === 'date'
      ? [pair[0], maskDate(String(pair[1]), now)]
      : pair,
  );
}

/** Bytes (base64) as text: each byte one character, line breaks kept, CR shown as ␍. */
function bytesText(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1').replace(/\r/g, '␍');
}

export function summarize(result: RunResult, now = Date.now()): Summary {
  if (result.kind === 'rejected') return { run: `rejected: ${result.message}` };
  if (result.kind === 'no-result') return { run: `no result within ${result.ms} ms` };
  const { events, response, environ, stats, error, errorLog, notes, outcome, ...rest } =
    result.trace;
  delete (rest as { interpolatedTimes?: unknown }).interpolatedTimes;
  const { ms: _ms, loadMs: _loadMs, ...counts } = stats;
  const wire = bytesText(response.wireBase64).replace(
    /^Date: (.*)␍$/gm,
    (_line, value: string) => `Date: ${maskDate(value, now)}␍`,
  );
  return {
    run: 'a trace',
    outcome,
    error: error ? JSON.stringify(error) : '',
    status: String(response.status),
    headers: (maskHeaders(response.headers, now) as [string, string][])
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    body: bytesText(response.bodyBase64),
    wire,
    'response sizes': JSON.stringify({
      bodySize: response.bodySize,
      wireSize: response.wireSize,
      truncated: response.truncated,
      segments: response.segments,
    }),
    'event kinds and lines': events
      .map((e) => `${e.seq} ${e.kind} ${e.actor}${e.line === undefined ? '' : ` line ${e.line}`}`)
      .join('\n'),
    'event details': events
      .map((event) => {
        const { seq, t: _t, kind, actor: _a, line: _l, ...data } = event;
        if (kind === 'headers.commit') {
          (data as { headers: unknown }).headers = maskHeaders(
            (data as { headers: unknown }).headers,
            now,
          );
        }
        return `${seq} ${kind} ${JSON.stringify(data)}`;
      })
      .join('\n'),
    tracebacks: events
      .flatMap((e) =>
        e.kind === 'exception'
          ? [
              `${e.type}: ${e.message}`,
              ...e.traceback.map((f) => `  line ${f.line} in ${f.name}: ${f.text}`),
              e.formatted,
            ]
          : [],
      )
      .join('\n'),
    environ: environ.map((e) => `${e.key} (${e.type}) = ${e.value}`).join('\n'),
    errorLog,
    notes: notes.join('\n'),
    stats: JSON.stringify(counts),
    rest: JSON.stringify(rest),
  };
}

/** The lines of `a` and `b` that differ (an LCS diff), as `-`/`+` lines, long lines cut
 * around their first difference. */
function lineDiff(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  // lcs[i * (m + 1) + j]: the length of the longest common subsequence of x[i:] and y[j:].
  const lcs = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        x[i] === y[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  const out: string[] = [];
  const flush = (): void => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [r, s] = cut(removed[k], added[k]);
      if (r !== undefined) out.push(`    - ${r}`);
      if (s !== undefined) out.push(`    + ${s}`);
    }
    removed.length = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) >= at(i + 1, j))) {
      added.push(y[j++] ?? '');
    } else {
      removed.push(x[i++] ?? '');
    }
  }
  flush();
  return out;
}

const CUT = 160;

/** Two differing lines, each cut to the neighbourhood of their first difference. */
function cut(
  a: string | undefined,
  b: string | undefined,
): [string | undefined, string | undefined] {
  if (a === undefined || b === undefined) {
    const one = (s: string | undefined) =>
      s === undefined || s.length <= 2 * CUT ? s : `${s.slice(0, 2 * CUT)}…`;
    return [one(a), one(b)];
  }
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const excerpt = (t: string) => {
    const from = Math.max(0, p - 40);
    const to = Math.min(t.length, Math.max(t.length - s + 40, p + 40), from + 2 * CUT);
    return `${from > 0 ? '…' : ''}${t.slice(from, to)}${to < t.length ? '…' : ''}`;
  };
  return [excerpt(a), excerpt(b)];
}

/** The names of the fields in which `got` differs from `expected`. */
export function changedFields(expected: Summary, got: Summary): string[] {
  if (expected.run !== got.run) return ['run'];
  return [...new Set([...Object.keys(expected), ...Object.keys(got)])].filter(
    (field) => expected[field] !== got[field],
  );
}

/** How `got` differs from `expected`, field by field (empty when they are equal). */
export function differences(expected: Summary, got: Summary, maxLines = 40): string[] {
  const out: string[] = [];
  for (const field of changedFields(expected, got)) {
    out.push(`  ${field}:`, ...lineDiff(expected[field] ?? '<absent>', got[field] ?? '<absent>'));
  }
  return out.length > maxLines
    ? [...out.slice(0, maxLines), `  … ${out.length - maxLines} more lines`]
    : out;
}
