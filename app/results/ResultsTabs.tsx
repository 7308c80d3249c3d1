import { useEffect, useState, type ReactNode } from 'react';
import type { StepState, Trace } from '../../src/index.ts';
import { FindingsContext, NO_FINDINGS, type FindingsView } from '../findings/findingsContext.ts';
import { worstSeverity } from '../findings/findingOrder.ts';
import { StepThrough } from '../timeline/StepThrough.tsx';
import { StepToggle } from '../timeline/StepToggle.tsx';
import { TimelineTab } from '../timeline/TimelineTab.tsx';
import { useStepCursor } from '../timeline/useStepCursor.ts';
import { useStepKeys } from '../timeline/useStepKeys.ts';
import { onStepThroughRequest } from '../timeline/stepThroughRequests.ts';
import { EnvironTab } from './EnvironTab.tsx';
import { FindingsTab } from './FindingsTab.tsx';
import { ResponseTab } from './ResponseTab.tsx';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import { WireTab } from './WireTab.tsx';
import './resultsTabs.css';
import { PaneBoundary } from '../layout/PaneBoundary.tsx';
import { useTabKeys } from '../layout/useTabKeys.ts';

/** The result tabs, in order; each is also a region with this name (DESIGN.md's UI contract). */
export const RESULT_TABS = ['Timeline', 'Environ', 'Response', 'Wire', 'Findings'] as const;
/** A result tab's name. */
export type ResultTabName = (typeof RESULT_TABS)[number];

/** A tab's props, and the state at the step cursor in step mode (else null). */
type TabProps = ResultTabProps & { step: StepState | null };

/** What only some tabs take: the Wire tab's "Compare servers…". */
interface TabExtras {
  onCompareServers?: (() => void) | undefined;
}

const RENDER: Record<ResultTabName, (props: TabProps, extras: TabExtras) => ReactNode> = {
  Timeline: ({ step, ...props }) => <TimelineTab {...props} stepIndex={step?.index ?? null} />,
  Environ: (props) => <EnvironTab {...props} />,
  // Response and Wire show what the client had by the step's event.
  Response: (props) => <ResponseTab {...props} />,
  Wire: (props, { onCompareServers }) => <WireTab {...props} onCompareServers={onCompareServers} />,
  Findings: (props) => <FindingsTab {...props} />,
};

/** What the tabs show and how they report selection. */
export interface ResultsTabsProps {
  trace: Trace | null;
  selectedSeq: number | null;
  onSelect: (seq: number | null) => void;
  /** Counts shown beside tab names (e.g. events, findings). */
  badges?: Partial<Record<ResultTabName, string>>;
  /** The shown run's findings, for the Findings tab and the marks in the timeline. */
  findings?: FindingsView;
  /** Compare the shown run under two servers (absent: the page cannot compare runs). */
  onCompareServers?: (() => void) | undefined;
}

/**
 * Tabs over the results of a run: Timeline, Environ, Response, Wire, Findings; beside them
 * "Step through", which moves a cursor (the selection) over the run's events and cuts the
 * Response and Wire tabs to what the client had by then.
 */
export function ResultsTabs({
  trace,
  selectedSeq,
  onSelect,
  badges = {},
  findings = NO_FINDINGS,
  onCompareServers,
}: ResultsTabsProps) {
  const [active, setActive] = useState<ResultTabName>('Timeline');
  // The Findings count takes the colour of its most serious finding.
  const worst = worstSeverity(findings.findings);
  const { onKeyDown, tabRef } = useTabKeys(RESULT_TABS, active, setActive);
  const [stepping, setStepping] = useState(false);
  useEffect(() => onStepThroughRequest(() => setStepping(true)), []);
  const cursor = useStepCursor(trace, selectedSeq, onSelect, stepping);
  useStepKeys(stepping && cursor.count > 0, cursor.move);
  const step = stepping ? cursor.state : null;

  return (
    <FindingsContext value={findings}>
      <div className={stepping ? 'results-tabs results-tabs--stepping' : 'results-tabs'}>
        <div className="results-tabs__head">
          <div
            className="results-tabs__list"
            role="tablist"
            aria-label="Results"
            onKeyDown={onKeyDown}
          >
            {RESULT_TABS.map((name) => (
              <button
                key={name}
                ref={tabRef(name)}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={active === name}
                aria-controls={`tabpanel-${name}`}
                tabIndex={active === name ? 0 : -1}
                className="results-tabs__tab"
                onClick={() => setActive(name)}
              >
                {name}
                {badges[name] !== undefined && (
                  <span
                    className={
                      name === 'Findings' && worst
                        ? `results-tabs__badge results-tabs__badge--${worst}`
                        : 'results-tabs__badge'
                    }
                  >
                    {badges[name]}
                  </span>
                )}
              </button>
            ))}
          </div>
          {trace && trace.events.length > 0 && <StepToggle on={stepping} onChange={setStepping} />}
        </div>
        {stepping && trace && <StepThrough trace={trace} cursor={cursor} />}
        {RESULT_TABS.map((name) => (
          // Only the open tab renders: a 100,000-event trace must not build every view at once.
          <div
            key={name}
            role="tabpanel"
            id={`tabpanel-${name}`}
            aria-labelledby={`tab-${name}`}
            hidden={active !== name}
            className="results-tabs__panel"
          >
            <section aria-label={name} className="results-tabs__region">
              {/* Each tab fails on its own; a new trace, or switching away and back, retries it. */}
              {active !== name ? null : trace ? (
                <PaneBoundary name={name} resetKey={trace}>
                  {RENDER[name]({ trace, selectedSeq, onSelect, step }, { onCompareServers })}
                </PaneBoundary>
              ) : (
                <p className="empty">Run the app to see its {name.toLowerCase()}.</p>
              )}
            </section>
          </div>
        ))}
      </div>
    </FindingsContext>
  );
}
