import type { Finding } from '../rules/types.ts';
import { bytesToText, fromBase64 } from '../trace/bytes.ts';
import type { Trace, ValidateVerdict } from '../trace/schema.ts';
import { summarizeEvent } from '../view/summarizeEvent.ts';

const BODY_CHARS = 2000;

/** The "Findings" section: one entry per finding, with its line, message and PEP link. */
export function formatFindings(findings: readonly Finding[]): string[] {
  if (!findings.length) return ['Findings: none'];
  const lines = [`Findings (${findings.length}):`];
  for (const finding of findings) {
    const line = finding.line !== undefined ? `L${finding.line}` : '';
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

/** Render a Trace (and its findings) as a readable timeline for a terminal. */
export function formatTraceText(trace: Trace, findings: readonly Finding[] = []): string {
  const { request, settings } = trace;
  const lines: string[] = [];
  const server =
    settings.personality === 'cgi' ? 'CGI gateway' : `HTTP/${settings.httpVersion} origin server`;
  lines.push(
    `${request.method} ${request.target} → ${settings.filename}:${trace.callable ?? '?'} (${server})`,
    '',
  );
  if (trace.error) {
    const where = trace.error.line
      ? ` (line ${trace.error.line}${trace.error.column ? `, column ${trace.error.column}` : ''})`
      : '';
    lines.push(`${trace.error.kind}: ${trace.error.message}${where}`);
    if (trace.error.text) lines.push(`    ${trace.error.text}`);
    lines.push('');
  }
  for (const event of trace.events) {
    const t = `+${event.t.toFixed(2)}ms`.padStart(10);
    const line = event.line !== undefined ? `L${event.line}` : '';
    lines.push(
      `${t}  ${event.actor.padEnd(6)} ${event.kind.padEnd(15)} ${line.padEnd(5)} ${summarizeEvent(event)}`,
    );
    if (event.kind === 'exception' && event.formatted) {
      for (const text of event.formatted.split('\n')) lines.push(`${' '.repeat(30)}${text}`);
    }
  }
  lines.push('');
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
  lines.push('', ...formatFindings(findings));
  if (trace.validate) lines.push('', ...formatValidateVerdict(trace.validate));
  lines.push('');
  lines.push(
    `Outcome: ${trace.outcome} · ${trace.stats.events} events · ${trace.stats.ms.toFixed(1)} ms in Python`,
  );
  return lines.join('\n') + '\n';
}

/**
 * The Trace as the CLI's JSON: the Trace itself plus flat `status`, `headers`, body, wire,
 * `findings` and (with `--validate`) wsgiref.validate's verdict as `validate`.
 */
export function traceToCliJson(trace: Trace, findings: readonly Finding[] = []): string {
  return JSON.stringify(
    {
      status: trace.response.status,
      headers: trace.response.headers,
      body_base64: trace.response.bodyBase64,
      wire_base64: trace.response.wireBase64,
      outcome: trace.outcome,
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
