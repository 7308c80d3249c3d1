import type { InstalledPin } from './installPackages.ts';
import { isModelledServer, personalityName } from '../trace/personalityNames.ts';
import type { Finding } from '../rules/types.ts';
import { bytesToText, fromBase64 } from '../trace/bytes.ts';
import type { Trace, ValidateVerdict } from '../trace/schema.ts';
import { traceEntryFile } from '../view/eventFiles.ts';
import { placeOf, timelineLines } from './formatTimeline.ts';

const BODY_CHARS = 2000;

/** The "Findings" section: one entry per finding, with its place, message and PEP link (a
 * finding's place is its event's, so that a line in another file says which file). */
export function formatFindings(findings: readonly Finding[], trace?: Trace): string[] {
  if (!findings.length) return ['Findings: none'];
  const lines = [`Findings (${findings.length}):`];
  const entryFile = trace ? traceEntryFile(trace) : '';
  for (const finding of findings) {
    const event = trace?.events.find((e) => e.seq === finding.seq);
    const line = placeOf({ line: finding.line, file: event?.file }, entryFile);
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.rule} ${line}`.trimEnd());
    lines.push(`    ${finding.message}`);
    if (finding.hint) lines.push(`    Fix: ${finding.hint}`);
    lines.push(`    PEP 3333: ${finding.pep}`);
  }
  return lines;
}

/** The verdict of wsgiref.validate, for a terminal. */
export function formatValidateVerdict(verdict: ValidateVerdict): string[] {
  const lines = [`wsgiref.validate: ${verdict.passed ? 'passed' : 'failed'}`];
  for (const error of verdict.errors) lines.push(`  error   ${error}`);
  for (const warning of verdict.warnings) lines.push(`  warning ${warning}`);
  return lines;
}

/** The first lines: the request, the app it went to, the server, and any middleware layers. */
function heading(trace: Trace): string[] {
  const { request, settings, project, layers } = trace;
  const server = isModelledServer(settings.personality)
    ? `${personalityName(settings)}, HTTP/${settings.httpVersion}`
    : settings.personality === 'cgi'
      ? 'CGI gateway'
      : `HTTP/${settings.httpVersion} origin server`;
  const module = project ? project.entry.split(':')[0] : settings.filename;
  const files = project && project.files.length > 1 ? `, ${project.files.length} files` : '';
  const lines = [
    `${request.method} ${request.target} → ${module}:${trace.callable ?? '?'} (${server}${files})`,
  ];
  if (layers?.length) {
    const entryFile = traceEntryFile(trace);
    const named = layers.map((layer) => {
      const place = placeOf(layer, entryFile);
      return place ? `${layer.id} (${place})` : layer.id;
    });
    lines.push(`Layers: server → ${named.join(' → ')} → app`);
  }
  return [...lines, ''];
}

/** Render a Trace (and its findings) as a readable timeline for a terminal. */
export function formatTraceText(
  trace: Trace,
  findings: readonly Finding[] = [],
  pins: readonly InstalledPin[] = [],
): string {
  const lines = heading(trace);
  if (pins.length)
    lines.push(`Installed: ${pins.map((pin) => `${pin.name}==${pin.version}`).join(', ')}`, '');
  if (trace.error) {
    const { file, line, column } = trace.error;
    const inFile = file !== undefined && file !== traceEntryFile(trace) ? ` of ${file}` : '';
    const where = line ? ` (line ${line}${inFile}${column ? `, column ${column}` : ''})` : '';
    lines.push(`${trace.error.kind}: ${trace.error.message}${where}`);
    if (trace.error.text) lines.push(`    ${trace.error.text}`);
    lines.push('');
  }
  lines.push(...timelineLines(trace), '');
  const { response } = trace;
  if (response.status !== null) {
    lines.push(`Response: ${response.status}`);
    for (const [name, value] of response.headers) lines.push(`  ${name}: ${value}`);
    const body = bytesToText(fromBase64(response.bodyBase64));
    lines.push('');
    if (body) lines.push(body.length > BODY_CHARS ? `${body.slice(0, BODY_CHARS)}…` : body);
    lines.push(`(${response.bodySize} body bytes, ${response.wireSize} bytes on the wire)`);
  } else {
    lines.push('No response was sent.');
  }
  for (const note of trace.notes) lines.push(`Note: ${note}`);
  lines.push('', ...formatFindings(findings, trace));
  if (trace.validate) lines.push('', ...formatValidateVerdict(trace.validate));
  lines.push('');
  lines.push(
    `Outcome: ${trace.outcome} · ${trace.stats.events} events · ${trace.stats.ms.toFixed(1)} ms in Python`,
  );
  return lines.join('\n') + '\n';
}

/**
 * The Trace as the CLI's JSON: the Trace itself plus flat `status`, `headers`, body, wire,
 * `project`, `layers`, `events` (each as the Trace has it: `file`, `line`, `stack`, and the
 * layer events), `findings` and (with `--validate`) wsgiref.validate's verdict as `validate`.
 */
export function traceToCliJson(
  trace: Trace,
  findings: readonly Finding[] = [],
  pins: readonly InstalledPin[] = [],
): string {
  return JSON.stringify(
    {
      packages: pins.map(({ name, version, filename, sha256 }) => ({
        name,
        version,
        filename,
        sha256,
      })),
      status: trace.response.status,
      headers: trace.response.headers,
      body_base64: trace.response.bodyBase64,
      wire_base64: trace.response.wireBase64,
      outcome: trace.outcome,
      project: trace.project ?? null,
      layers: trace.layers ?? [],
      environ: trace.environ,
      events: trace.events,
      findings,
      ...(trace.validate ? { validate: trace.validate } : {}),
      trace,
    },
    null,
    2,
  );
}
