import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { PhoneWorkspace, type PhoneView } from './PhoneWorkspace.tsx';
import { useMediaQuery } from './useMediaQuery.ts';
import './workspace.css';

/** Below this width the panes stack instead of sitting side by side. */
export const NARROW_QUERY = '(max-width: 900px)';
/** Below this width (a phone) one pane shows at a time, chosen by tabs. */
export const PHONE_QUERY = '(max-width: 640px)';

/** The areas of the page. */
export interface WorkspaceProps {
  /** The request line (method, target, Run): over the editor, or over everything on a phone. */
  requestLine: ReactNode;
  editor: ReactNode;
  request: ReactNode;
  results: ReactNode;
  /** Which pane a phone shows. */
  phoneView: PhoneView;
  onPhoneView: (view: PhoneView) => void;
}

/**
 * Resizable panes: the request line and the editor above the request builder on the left, the
 * results on the right. On a narrow screen the three stack, in that order; on a phone one
 * shows at a time.
 */
export function Workspace({
  requestLine,
  editor,
  request,
  results,
  phoneView,
  onPhoneView,
}: WorkspaceProps) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const phone = useMediaQuery(PHONE_QUERY);
  if (phone) {
    return (
      <PhoneWorkspace
        requestLine={requestLine}
        panes={{ results, code: editor, request }}
        view={phoneView}
        onView={onPhoneView}
      />
    );
  }
  const source = (
    <div className="workspace__pane workspace__pane--editor">
      {requestLine}
      {editor}
    </div>
  );
  if (narrow) {
    return (
      <main className="workspace workspace--stacked">
        {source}
        <div className="workspace__pane">{request}</div>
        <div className="workspace__pane workspace__pane--results">{results}</div>
      </main>
    );
  }
  return (
    <main className="workspace">
      <Group orientation="horizontal" id="workspace-columns">
        <Panel id="source" defaultSize="50" minSize="25">
          <Group orientation="vertical" id="workspace-source">
            <Panel id="editor" defaultSize="60" minSize="20">
              {source}
            </Panel>
            <Separator className="workspace__separator workspace__separator--row" />
            <Panel id="request" defaultSize="40" minSize="15">
              <div className="workspace__pane">{request}</div>
            </Panel>
          </Group>
        </Panel>
        <Separator className="workspace__separator workspace__separator--column" />
        <Panel id="results" defaultSize="50" minSize="25">
          <div className="workspace__pane workspace__pane--results">{results}</div>
        </Panel>
      </Group>
    </main>
  );
}
