import { ruleById } from '../../src/rules/index.ts';
import { useEventFindings } from './findingsContext.ts';
import { pepLabel } from '../common/pepLabel.ts';
import { SEVERITY_WORDS } from './findingOrder.ts';
import { SeverityIcon } from './SeverityIcon.tsx';
import './findings.css';

/** The findings about one event, for its details pane: what, and the PEP section. */
export function EventFindings({ seq }: { seq: number }) {
  const findings = useEventFindings(seq);
  if (findings.length === 0) return null;
  return (
    <ul className="tl-event-findings" aria-label="Findings about this event">
      {findings.map((finding, index) => (
        <li key={index} className={`tl-event-findings__${finding.severity}`}>
          <SeverityIcon severity={finding.severity} />
          <span>
            <strong>{ruleById(finding.rule)?.title ?? finding.rule}</strong>
            <span className="visually-hidden"> ({SEVERITY_WORDS[finding.severity]})</span>:{' '}
            {finding.message}{' '}
            <a href={finding.pep} target="_blank" rel="noopener noreferrer">
              {pepLabel(finding.pep)}
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}
