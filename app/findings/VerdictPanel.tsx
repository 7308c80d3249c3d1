import type { Finding, Trace, ValidateVerdict } from '../../src/index.ts';
import { countWords } from './findingOrder.ts';
import { SeverityIcon } from './SeverityIcon.tsx';
import { compareVerdicts, type VerdictPoint } from './verdictComparison.ts';

const BY_WORDS: Record<VerdictPoint['by'], string> = {
  both: 'Both',
  validate: 'validate only',
  ours: 'Ours only',
};

/** Passes or fails, as an icon and a word. */
function Result({ passed }: { passed: boolean }) {
  return (
    <p className={`verdict__result verdict__result--${passed ? 'pass' : 'fail'}`}>
      {passed ? (
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle className="verdict__pass-shape" cx="8" cy="8" r="7.2" />
          <path className="verdict__pass-mark" d="M4.6 8.3l2.3 2.3 4.5-4.8" />
        </svg>
      ) : (
        <SeverityIcon severity="error" />
      )}
      {passed ? 'Passes' : 'Fails'}
    </p>
  );
}

/** Our verdict and validate's, side by side, and where they differ. */
function Comparison({
  findings,
  verdict,
}: {
  findings: readonly Finding[];
  verdict: ValidateVerdict;
}) {
  const comparison = compareVerdicts(findings, verdict);
  const weFail = findings.some((finding) => finding.severity === 'error');
  return (
    <>
      <div className="verdicts__sides">
        <section className="verdict" aria-label="Our verdict">
          <h2 className="verdict__who">
            Our rules <span className="muted">PEP 3333</span>
          </h2>
          <Result passed={!weFail} />
          <p className="verdict__detail">
            {findings.length === 0 ? 'No findings.' : `${countWords(findings)}.`}
          </p>
        </section>
        <section className="verdict" aria-label="wsgiref.validate's verdict">
          <h2 className="verdict__who">
            <code>wsgiref.validate</code> <span className="muted">the stdlib</span>
          </h2>
          <Result passed={verdict.passed} />
          {verdict.errors.length === 0 && verdict.warnings.length === 0 && (
            <p className="verdict__detail">No errors, no warnings.</p>
          )}
          {verdict.errors.length > 0 && (
            <ul className="verdict__messages" aria-label="validate's errors">
              {verdict.errors.map((message) => (
                <li key={message}>
                  <SeverityIcon severity="error" size={12} /> <code>{message}</code>
                </li>
              ))}
            </ul>
          )}
          {verdict.warnings.length > 0 && (
            <ul className="verdict__messages" aria-label="validate's warnings">
              {verdict.warnings.map((message) => (
                <li key={message}>
                  <SeverityIcon severity="warning" size={12} /> <code>{message}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="verdicts__headline">{comparison.headline}</p>
      {comparison.points.length > 0 && (
        <ul className="verdicts__points" aria-label="Where they differ">
          {comparison.points.map((point, index) => {
            // validate's only error is quoted just above; name it only among several.
            const named = point.by === 'ours' || verdict.errors.length > 1;
            return (
              <li key={index} className={`verdicts__point verdicts__point--${point.by}`}>
                <span className="verdicts__by">{BY_WORDS[point.by]}</span>{' '}
                {named &&
                  (point.by === 'ours' ? (
                    <strong>{point.subject}</strong>
                  ) : (
                    <code>{point.subject}</code>
                  ))}
                <span className={named ? 'verdicts__why' : 'verdicts__why verdicts__why--inline'}>
                  {point.why}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/**
 * The validate comparison of the shown run: both verdicts, or why there is no verdict of
 * validate (the run has not been repeated with it yet, or validate could not run).
 */
export function VerdictPanel({
  trace,
  findings,
  pending,
}: {
  trace: Trace;
  findings: readonly Finding[];
  /** A run with the comparison is on its way. */
  pending: boolean;
}) {
  const note = trace.notes.find((text) => text.startsWith('wsgiref.validate'));
  return (
    <section className="verdicts" aria-label="Verdicts side by side">
      {trace.validate ? (
        <Comparison findings={findings} verdict={trace.validate} />
      ) : (
        <p className="verdicts__none">
          {note ??
            (trace.settings.compareValidate
              ? 'wsgiref.validate gave no verdict on this run.'
              : pending
                ? 'Running the app again, also under wsgiref.validate…'
                : 'This run was made without wsgiref.validate: run it again to compare.')}
        </p>
      )}
    </section>
  );
}
