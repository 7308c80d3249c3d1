import type { ReactNode } from 'react';
import { useTabKeys } from './useTabKeys.ts';
import './phoneWorkspace.css';

/** The panes a phone shows one at a time, in the order of their tabs. */
export const PHONE_VIEWS = ['results', 'code', 'request'] as const;
/** One of a phone's panes. */
export type PhoneView = (typeof PHONE_VIEWS)[number];

const VIEW_NAMES: Record<PhoneView, string> = {
  results: 'Results',
  code: 'Code',
  request: 'Request',
};

/** What a phone's workspace shows. */
export interface PhoneWorkspaceProps {
  requestLine: ReactNode;
  panes: Record<PhoneView, ReactNode>;
  view: PhoneView;
  onView: (view: PhoneView) => void;
}

/**
 * A phone's workspace: the request line on top (edit the target and run from any pane), then
 * tabs for the results, the code and the request builder, one pane filling the rest. Every
 * pane stays mounted while hidden, so the editor keeps its undo history and the timeline its
 * place.
 */
export function PhoneWorkspace({ requestLine, panes, view, onView }: PhoneWorkspaceProps) {
  const { onKeyDown, tabRef } = useTabKeys(PHONE_VIEWS, view, onView);
  return (
    <main className="workspace workspace--phone">
      {requestLine}
      <div className="phone-views" role="tablist" aria-label="Panes" onKeyDown={onKeyDown}>
        {PHONE_VIEWS.map((name) => (
          <button
            key={name}
            ref={tabRef(name)}
            type="button"
            role="tab"
            id={`phone-tab-${name}`}
            aria-selected={view === name}
            aria-controls={`phone-pane-${name}`}
            tabIndex={view === name ? 0 : -1}
            className="phone-views__tab"
            onClick={() => onView(name)}
          >
            {VIEW_NAMES[name]}
          </button>
        ))}
      </div>
      {PHONE_VIEWS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`phone-pane-${name}`}
          aria-labelledby={`phone-tab-${name}`}
          hidden={view !== name}
          className={`workspace__pane phone-pane phone-pane--${name}`}
        >
          {panes[name]}
        </div>
      ))}
    </main>
  );
}
