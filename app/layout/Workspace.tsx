import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useMediaQuery } from './useMediaQuery.ts';
import './workspace.css';

/** Below this width the panes stack instead of sitting side by side. */
export const NARROW_QUERY = '(max-width: 900px)';

/** The three areas of the page. */
export interface WorkspaceProps {
  editor: ReactNode;
  request: ReactNode;
  results: ReactNode;
}

/**
 * Resizable panes: the editor above the request builder on the left, the results on the right.
 * On a narrow screen the three stack, in that order.
 */
export function Workspace({ editor, request, results }: WorkspaceProps) {
  const narrow = useMediaQuery(NARROW_QUERY);
  if (narrow) {
    return (
      <main className="workspace workspace--stacked">
        <div className="workspace__pane workspace__pane--editor">{editor}</div>
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
              <div className="workspace__pane workspace__pane--editor">{editor}</div>
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
