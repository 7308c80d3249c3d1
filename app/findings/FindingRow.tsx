import type { MouseEvent } from 'react';
import { type Finding } from '../../src/index.ts';
import { ruleById } from '../../src/rules/index.ts';
import { revealInEditor } from '../editor/revealInEditor.ts';
import { pepLabel } from '../common/pepLabel.ts';
import { SEVERITY_WORDS } from './findingOrder.ts';
import { RuleText } from './RuleText.tsx';
import { SeverityIcon } from './SeverityIcon.tsx';

/** What one finding of the list needs. */
export interface FindingRowProps {
  finding: Finding;
  /** The source line of the finding's event, if it has one. */
  eventLine: number | undefined;
  /** The file of the finding's event (absent: the entry file). */
  eventFile?: string | undefined;
  /** The finding's event is the selected one. */
  selected: boolean;
  onSelect: (seq: number) => void;
}

/**
 * Select a finding's event (the timeline and the editor follow), and show its line in the
 * editor when that is not the event's own line, or when it has only a line.
 */
export function showFinding(
  finding: Finding,
  eventLine: number | undefined,
  onSelect: (seq: number) => void,
  eventFile?: string,
): void {
  if (finding.seq !== undefined) onSelect(finding.seq);
  if (finding.line !== undefined && (finding.seq === undefined || finding.line !== eventLine)) {
    revealInEditor(finding.line, eventFile);
  }
}

/** Where a finding is, as the words of its button: its line, else its event. */
function placeWords(finding: Finding): string | null {
  if (finding.line !== undefined) return `line ${finding.line}`;
  if (finding.seq !== undefined) return `event #${finding.seq}`;
  return null;
}

/**
 * One finding: severity, the rule's title and id, what happened, how to fix it, where (a
 * button that selects its event and line), and the PEP 3333 section it rests on. A click
 * anywhere on the row (outside its links) does what the place button does.
 */
export function FindingRow({ finding, eventLine, eventFile, selected, onSelect }: FindingRowProps) {
  const place = placeWords(finding);
  const title = ruleById(finding.rule)?.title ?? finding.rule;
  const show = (): void => showFinding(finding, eventLine, onSelect, eventFile);
  const onRowClick = (event: MouseEvent<HTMLLIElement>): void => {
    if (!place || (event.target as Element).closest('a, button')) return;
    show();
  };
  const placeTitle =
    finding.seq !== undefined
      ? `Select event #${finding.seq}${finding.line !== undefined ? ` and show line ${finding.line}` : ''}`
      : `Show line ${finding.line ?? ''} in the editor`;
  return (
    <li
      className={`finding finding--${finding.severity}${selected ? ' finding--selected' : ''}${place ? ' finding--linked' : ''}`}
      data-rule={finding.rule}
      data-seq={finding.seq}
      aria-current={selected ? 'true' : undefined}
      onClick={onRowClick}
    >
      <div className="finding__head">
        <span className="finding__severity">
          <SeverityIcon severity={finding.severity} />
          {SEVERITY_WORDS[finding.severity]}
        </span>
        <strong className="finding__title">{title}</strong>
        <code className="finding__rule" title="Rule id">
          {finding.rule}
        </code>
      </div>
      <p className="finding__message">{finding.message}</p>
      {finding.hint && (
        <p className="finding__hint">
          <span className="finding__hint-label">Fix:</span> <RuleText text={finding.hint} />
        </p>
      )}
      <div className="finding__meta">
        {place && (
          <button type="button" className="finding__place" title={placeTitle} onClick={show}>
            {place}
          </button>
        )}
        {place && finding.seq !== undefined && finding.line !== undefined && (
          <span className="muted">event #{finding.seq}</span>
        )}
        <a className="finding__pep" href={finding.pep} target="_blank" rel="noopener noreferrer">
          {pepLabel(finding.pep)}
          <span aria-hidden="true"> ↗</span>
        </a>
      </div>
    </li>
  );
}
