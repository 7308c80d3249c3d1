/**
 * The texts behind the Share menu's items, from the page's state: the link (plain or embedded),
 * Markdown, curl, HTTPie, the Python script, the pytest file and the HAR log.
 */
import {
  embedSnippet,
  toHttpRequest,
  toMarkdown,
  type Project,
  type Trace,
} from '../../src/index.ts';
import {
  pytestUnavailable,
  serverSoftwareOf,
  toCurl,
  toHar,
  toHttpie,
  toPytest,
  toPythonScript,
} from '../../src/share/exports.ts';
import { latestTrace, type PlaygroundState } from '../state/playgroundStore.ts';
import type { RunRecord } from './shareSession.ts';
import type { Workbench } from './startup.ts';
export { shareLink } from './shareLinkOf.ts';

/** The newest run that produced a Trace, with the project and start time it ran with. */
export interface LastRun {
  trace: Trace;
  project: Project;
  startedAt: Date;
}

/** The newest run, if it produced a Trace; `recordOf` gives the inputs kept for a run. */
export function lastRunOf(
  state: PlaygroundState,
  recordOf: (seq: number) => RunRecord | undefined,
): LastRun | null {
  const trace = latestTrace(state);
  if (!trace || state.result?.kind !== 'trace') return null;
  const record = recordOf(state.result.seq);
  return {
    trace,
    project: record?.bench.project ?? state.project,
    startedAt: record?.startedAt ?? new Date(),
  };
}

/** A link plus the code block, for a chat or an issue. */
export function markdownOf(bench: Workbench, url: string, last: LastRun | null): string {
  return toMarkdown({
    url,
    project: bench.project,
    method: bench.request.method,
    target: bench.request.target,
    status: last?.trace.response.status ?? null,
  });
}

/** The request being edited as a curl command. */
export function curlOf(bench: Workbench): string {
  return toCurl(bench.request, {
    baseUrl: `${bench.settings.urlScheme}://localhost`,
    httpVersion: bench.settings.httpVersion,
  });
}

/** The request being edited as an HTTPie command. */
export function httpieOf(bench: Workbench): string {
  return toHttpie(bench.request, { scheme: bench.settings.urlScheme });
}

/** The standalone script of the newest run (or of what is on screen, before any run). */
export function pythonScriptOf(bench: Workbench, last: LastRun | null, url: string): string {
  if (last) {
    return toPythonScript({
      project: last.project,
      request: last.trace.request,
      settings: last.trace.settings,
      serverSoftware: serverSoftwareOf(last.trace),
      sourceUrl: url,
    });
  }
  return toPythonScript({
    project: bench.project,
    request: toHttpRequest(bench.request),
    settings: bench.settings,
    sourceUrl: url,
  });
}

/** Why the pytest file cannot be written now, or null. */
export function pytestBlocker(last: LastRun | null): string | null {
  return last ? pytestUnavailable(last.trace) : 'Run the app first: the test pins its response.';
}

/** The pytest file of the newest run. */
export function pytestOf(last: LastRun): string {
  return toPytest(last.project, last.trace);
}

/** The HAR log of the newest run, as JSON text. */
export function harOf(last: LastRun): string {
  return `${JSON.stringify(toHar(last.trace, { startedAt: last.startedAt }), null, 2)}\n`;
}

/** The `<iframe>` snippet for an embed link. */
export function iframeOf(embedUrl: string, bench: Workbench): string {
  return embedSnippet(embedUrl, `WSGI Playground: ${bench.request.method} ${bench.request.target}`);
}
