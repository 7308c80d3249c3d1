import { useMemo } from 'react';
import { eventBySeq } from '../../src/index.ts';
import { FindingRow } from '../findings/FindingRow.tsx';
import { useFindings } from '../findings/findingsContext.ts';
import { countWords, sortFindings } from '../findings/findingOrder.ts';
import { VerdictPanel } from '../findings/VerdictPanel.tsx';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import '../findings/findings.css';

/**
 * What the rules found in the shown run, most serious first, each with its place in the code
 * and its PEP 3333 section; and, when switched on, wsgiref.validate's verdict beside ours.
 */
export function FindingsTab({ trace, selectedSeq, onSelect }: ResultTabProps) {
  const { findings, compareValidate, running, onCompareValidate } = useFindings();
  const sorted = useMemo(() => sortFindings(findings), [findings]);
  return (
    <div className="findings-tab">
      <div className="findings-tab__bar">
        <span className="findings-tab__count">
          {findings.length === 0 ? 'No findings' : countWords(findings)}
        </span>
        <label className="findings-switch">
          <input
            type="checkbox"
            role="switch"
            checked={compareValidate}
            onChange={(event) => onCompareValidate(event.target.checked)}
          />
          <span className="findings-switch__track" aria-hidden="true" />
          Compare with <code>wsgiref.validate</code>
        </label>
      </div>
      {compareValidate && <VerdictPanel trace={trace} findings={findings} pending={running} />}
      {trace.outcome === 'paused' ? (
        <p className="findings-tab__empty">
          The run is paused: the rules judge a whole run, so its findings come when it ends.
        </p>
      ) : sorted.length === 0 ? (
        <p className="findings-tab__empty">
          No findings: this run follows PEP 3333 as far as the rules can see.
        </p>
      ) : (
        <ul className="findings-list" aria-label="Findings of this run">
          {sorted.map((finding, index) => (
            <FindingRow
              key={`${finding.rule}-${finding.seq ?? ''}-${finding.line ?? ''}-${index}`}
              finding={finding}
              eventLine={eventBySeq(trace.events, finding.seq ?? null)?.line}
              eventFile={eventBySeq(trace.events, finding.seq ?? null)?.file}
              selected={finding.seq !== undefined && finding.seq === selectedSeq}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
