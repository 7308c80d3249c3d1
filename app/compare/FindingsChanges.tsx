import type { Finding, FindingsDiff } from '../../src/index.ts';

function FindingList({
  title,
  findings,
  change,
}: {
  title: string;
  findings: readonly Finding[];
  change: string;
}) {
  return (
    <section className="compare-findings__group" aria-label={title} data-diff={change}>
      <h4>
        {title} ({findings.length})
      </h4>
      {findings.length === 0 ? (
        <p className="compare-empty">None.</p>
      ) : (
        <ul>
          {findings.map((finding, index) => (
            <li key={`${finding.rule}-${index}`} data-severity={finding.severity}>
              <span className="compare-findings__severity">{finding.severity}</span>{' '}
              <code>{finding.rule}</code> {finding.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The findings that appeared in run B, went away from run A, and both runs have. */
export function FindingsChanges({ diff }: { diff: FindingsDiff }) {
  return (
    <div className="compare-findings">
      <FindingList title="Appeared in B" findings={diff.appeared} change="added" />
      <FindingList title="Went away (only in A)" findings={diff.gone} change="removed" />
      <FindingList title="In both runs" findings={diff.kept} change="same" />
    </div>
  );
}
