/**
 * Our findings beside the verdict of the stdlib's `wsgiref.validate` on the same app and
 * request, and where the two differ — explained with the mapping of validate's checks to our
 * rules (`VALIDATE_CHECKS`, `BEYOND_VALIDATE`), never guessed.
 */
import { type Finding, type ValidateVerdict } from '../../src/index.ts';
import {
  BEYOND_VALIDATE,
  ruleById,
  VALIDATE_CHECKS,
  type ValidateCheck,
} from '../../src/rules/index.ts';
import { sortFindings } from './findingOrder.ts';

/** validate's messages (from wsgiref/validate.py), and the check of its docstring each is. */
const MESSAGE_CHECKS: readonly [RegExp, string][] = [
  [/Two arguments required|No keyword arguments|Invalid number of arguments/, 'Signature of'],
  [/^Status |^Status codes must|Status code is invalid/, 'The status is a string'],
  [/^Headers \(.*must be of type list/, 'The headers is a list'],
  [/Individual headers|^Header (name|value) must be of type|len\(item\) == 2/, 'The items of'],
  [/The Status header cannot be used/, "There is no 'status' header"],
  [
    /^Header names may not|^Bad header name|^Names may not end|^Bad header value/,
    "The headers don't",
  ],
  [/^No Content-Type header found/, 'Content-Type is given'],
  [/^Content-Type header found in a/, 'No Content-Type is given'],
  [/^exc_info/, 'The exc_info argument'],
  [/^__call__: assert_\(type\(s\) is bytes\)/, 'All calls to the writer'],
  [/^read: assert_\(len\(args\) == 1\)/, 'wsgi.input: .read()'],
  [/^(read|readline|readlines): assert_\(type/, 'wsgi.input: it returns'],
  [/input\.close\(\) must not be called/, 'wsgi.input: .close()'],
  [/^write: assert_\(type\(s\) is str\)/, 'wsgi.errors: .write()'],
  [/errors\.close\(\) must not be called/, 'wsgi.errors: .close()'],
  [/must return an iterator/, 'The application returns an iterator'],
  [/should not return a string/, 'The response iterator is not a string'],
  [/Iterator yielded non-bytestring/, 'The response iterator: `.__next__()`'],
  [/start_response has not yet been called/, 'The response iterator is not iterated'],
  [/garbage collected without being closed/, 'The response iterator: .close()'],
  [/Iterator read after closed/, 'The response iterator is not read after'],
];

/** The check of validate's docstring that one of its error messages comes from, if known. */
export function checkOfMessage(message: string): ValidateCheck | undefined {
  const prefix = MESSAGE_CHECKS.find(([pattern]) => pattern.test(message))?.[1];
  return prefix === undefined
    ? undefined
    : VALIDATE_CHECKS.find((check) => check.check.startsWith(prefix));
}

/** Which side found a protocol error (warnings and notes do not fail a run). */
export type Agreement = 'both-pass' | 'both-fail' | 'validate-only' | 'ours-only';

/** One point where the verdicts meet or part: about validate's message or our finding. */
export interface VerdictPoint {
  /** Who reported it: validate, our rules, or both. */
  by: 'validate' | 'ours' | 'both';
  /** validate's message, or our rule's title. */
  subject: string;
  /** Why the other side does or does not report it. */
  why: string;
}

/** The two verdicts side by side. */
export interface VerdictComparison {
  agreement: Agreement;
  /** One sentence: do they agree? */
  headline: string;
  points: VerdictPoint[];
}

const HEADLINES: Record<Agreement, string> = {
  'both-pass': 'Both pass: neither finds a protocol error in this run.',
  'both-fail': 'Both find a protocol error in this run.',
  'validate-only': 'Only wsgiref.validate fails this run; our rules find no error in it.',
  'ours-only': 'Only our rules find an error; wsgiref.validate passes this run.',
};

function ruleTitle(id: string): string {
  return ruleById(id)?.title ?? id;
}

/** What we say about one of validate's errors, given what our rules reported. */
function pointOfValidateError(message: string, reported: ReadonlySet<string>): VerdictPoint {
  const check = checkOfMessage(message);
  const ours = check?.rules.filter((rule) => reported.has(rule)) ?? [];
  if (check && ours.length > 0)
    return { by: 'both', subject: message, why: `Ours: ${ours.map(ruleTitle).join(', ')}.` };
  if (!check)
    return { by: 'validate', subject: message, why: 'Our rules have no counterpart for this.' };
  if (check.note !== '' && check.status !== 'covered')
    return { by: 'validate', subject: message, why: check.note };
  return {
    by: 'validate',
    subject: message,
    why: 'Our rules check this too, but did not flag it in this run.',
  };
}

/**
 * Compare our findings with validate's verdict: who fails the run, and for each of validate's
 * errors and each of our errors and warnings, whether the other side reports it and why not.
 * Our notes (info) count only where they explain one of validate's errors.
 */
export function compareVerdicts(
  findings: readonly Finding[],
  verdict: ValidateVerdict,
): VerdictComparison {
  const weFail = findings.some((finding) => finding.severity === 'error');
  const agreement: Agreement = weFail
    ? verdict.passed
      ? 'ours-only'
      : 'both-fail'
    : verdict.passed
      ? 'both-pass'
      : 'validate-only';
  // Rules that count as "reporting" a check: errors and warnings; a note says "allowed".
  const reported = new Set(
    findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.rule),
  );
  const points = verdict.errors.map((message) => pointOfValidateError(message, reported));
  const shared = new Set(verdict.errors.flatMap((message) => checkOfMessage(message)?.rules ?? []));
  const seen = new Set<string>();
  for (const finding of sortFindings(findings)) {
    if (finding.severity === 'info' || shared.has(finding.rule) || seen.has(finding.rule)) continue;
    seen.add(finding.rule);
    const beyond = BEYOND_VALIDATE.find((entry) => entry.rule === finding.rule);
    points.push({
      by: 'ours',
      subject: ruleTitle(finding.rule),
      why: beyond
        ? beyond.why
        : verdict.passed
          ? 'validate does not report it.'
          : 'validate stops at its first failure, so it says nothing about this.',
    });
  }
  return { agreement, headline: HEADLINES[agreement], points };
}
