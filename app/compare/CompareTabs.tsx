import { useState } from 'react';
import { differenceCounts, type RunComparison } from '../../src/compare/index.ts';
import { useTabKeys } from '../layout/useTabKeys.ts';
import { BytesDiffView } from './BytesDiffView.tsx';
import { CodeDiff } from './CodeDiff.tsx';
import { EventsDiff } from './EventsDiff.tsx';
import { FindingsChanges } from './FindingsChanges.tsx';
import { HeadersDiff } from './HeadersDiff.tsx';
import { InputChanges } from './InputChanges.tsx';

const TABS = ['Events', 'Headers', 'Body', 'Wire', 'Findings', 'Code', 'Inputs'] as const;
type Tab = (typeof TABS)[number];

/** The part of a comparison one tab shows. */
function ComparePanel({ tab, comparison }: { tab: Tab; comparison: RunComparison }) {
  switch (tab) {
    case 'Events':
      return <EventsDiff rows={comparison.events} />;
    case 'Headers':
      return <HeadersDiff rows={comparison.headers} />;
    case 'Body':
      return <BytesDiffView diff={comparison.body} name="bodies" />;
    case 'Wire':
      return <BytesDiffView diff={comparison.wire} name="wire bytes" />;
    case 'Findings':
      return <FindingsChanges diff={comparison.findings} />;
    case 'Code':
      return <CodeDiff files={comparison.files} />;
    case 'Inputs':
      return <InputChanges changes={comparison.inputs} />;
  }
}

/** The parts of a comparison, one tab each, each tab saying how many differences it holds. */
export function CompareTabs({ comparison }: { comparison: RunComparison }) {
  const counts = differenceCounts(comparison);
  const count: Record<Tab, number> = {
    Events: counts.events,
    Headers: counts.headers,
    Body: counts.body,
    Wire: counts.wire,
    Findings: counts.findings,
    Code: counts.files,
    Inputs: counts.inputs,
  };
  // Open where the differences are: the headers first when they differ, else the first part.
  const [active, setActive] = useState<Tab>(() => TABS.find((tab) => count[tab] > 0) ?? 'Events');
  const { onKeyDown, tabRef } = useTabKeys(TABS, active, setActive);
  return (
    <div className="compare-tabs">
      <div
        role="tablist"
        aria-label="Parts compared"
        className="compare-tabs__list"
        onKeyDown={onKeyDown}
      >
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={tabRef(tab)}
            type="button"
            role="tab"
            id={`compare-tab-${tab}`}
            aria-selected={tab === active}
            aria-controls={`compare-panel-${tab}`}
            tabIndex={tab === active ? 0 : -1}
            className="compare-tabs__tab"
            onClick={() => setActive(tab)}
          >
            {tab}
            <span className="compare-tabs__count" data-none={count[tab] === 0 || undefined}>
              {count[tab] === 0
                ? 'same'
                : `${count[tab]} ${count[tab] === 1 ? 'difference' : 'differences'}`}
            </span>
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id={`compare-panel-${active}`}
        aria-labelledby={`compare-tab-${active}`}
        aria-label={`${active} compared`}
        className="compare-tabs__panel"
        tabIndex={0}
      >
        <ComparePanel tab={active} comparison={comparison} />
      </section>
    </div>
  );
}
