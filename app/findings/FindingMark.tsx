import { useEventFindings } from './findingsContext.ts';
import { SEVERITY_WORDS } from './findingOrder.ts';
import { SeverityIcon } from './SeverityIcon.tsx';
import './findings.css';

/**
 * The mark of an event that has findings: the icon of the most serious one (with their count
 * when there are several), their messages as its tooltip and accessible name.
 */
export function FindingMark({ seq }: { seq: number }) {
  const findings = useEventFindings(seq);
  const worst = findings[0];
  if (!worst) return null;
  const text = findings
    .map((finding) => `${SEVERITY_WORDS[finding.severity]}: ${finding.message}`)
    .join('\n');
  return (
    <span
      role="img"
      className={`tl-finding-mark${findings.length > 1 ? ' tl-finding-mark--count' : ''}`}
      data-count={findings.length}
      data-severity={worst.severity}
      aria-label={text}
      title={text}
    >
      <SeverityIcon severity={worst.severity} />
    </span>
  );
}
