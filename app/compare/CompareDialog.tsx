import { useEffect, useRef, useSyncExternalStore } from 'react';
import { ChangeLegend } from './ChangeMark.tsx';
import { CompareSummary } from './CompareSummary.tsx';
import { CompareTabs } from './CompareTabs.tsx';
import type { CompareSession, CompareSideState } from './compareSession.ts';
import { CopyCompareLink } from './CopyCompareLink.tsx';
import { SidePicker } from './SidePicker.tsx';
import { useComparison } from './useComparison.ts';
import './compare.css';
import './compareTables.css';

/** What a side is doing while it has no trace. */
function SideStatus({ name, side }: { name: 'A' | 'B'; side: CompareSideState | null }) {
  if (!side || side.status === 'done') return null;
  return (
    <p className={`compare-status compare-status--${side.status}`} role="status">
      Run {name}: {side.status === 'running' ? 'running…' : `could not run — ${side.message}`}
    </p>
  );
}

/**
 * The compare view: two runs picked (the run on screen, the history, a link's), a summary,
 * and their parts side by side with what differs marked. A modal dialog: Esc closes it.
 */
export default function CompareDialog({ session }: { session: CompareSession }) {
  const { open, a, b } = useSyncExternalStore(session.subscribe, session.getState);
  const dialog = useRef<HTMLDialogElement>(null);
  const comparison = useComparison(a, b);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const sources = open ? session.sources() : [];
  return (
    <dialog
      ref={dialog}
      className="compare-dialog dialog-box"
      aria-labelledby="compare-title"
      onCancel={(event) => {
        event.preventDefault();
        session.close();
      }}
      onClose={() => session.close()}
    >
      {open && (
        <>
          <header className="compare-dialog__head">
            <h2 id="compare-title">Compare two runs</h2>
            <div className="compare-dialog__pickers">
              <SidePicker
                side="A"
                value={a?.source.id}
                sources={sources}
                onPick={(s) => session.pick('a', s)}
              />
              <span aria-hidden="true" className="compare-dialog__arrow">
                →
              </span>
              <SidePicker
                side="B"
                value={b?.source.id}
                sources={sources}
                onPick={(s) => session.pick('b', s)}
              />
            </div>
            {a && b && <CopyCompareLink a={a.source.bench} b={b.source.bench} />}
            <button
              type="button"
              className="close-button"
              aria-label="Close"
              onClick={() => session.close()}
            >
              ×
            </button>
          </header>
          <SideStatus name="A" side={a} />
          <SideStatus name="B" side={b} />
          {comparison && (
            <div className="compare-dialog__body">
              <CompareSummary rows={comparison.summary} />
              <ChangeLegend />
              <CompareTabs comparison={comparison} />
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
