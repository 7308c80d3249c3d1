import { useState } from 'react';
import { splitTarget, syncQueryRows, writeQuery, type FieldRow } from '../../src/index.ts';
import { FieldTable } from './FieldTable.tsx';

/**
 * The query parameters of the target as a table, in sync both ways: typing in the request line
 * updates the rows, editing a row rewrites only the query of the target. Switched-off rows live
 * only here (a target cannot hold them).
 */
export function ParamsPanel({
  target,
  onTarget,
}: {
  target: string;
  onTarget: (target: string) => void;
}) {
  const [state, setState] = useState(() => ({ target, rows: syncQueryRows([], target) }));
  // The target changed elsewhere: derive the rows again (React's "adjust state on a prop change").
  let rows = state.rows;
  if (state.target !== target) {
    rows = syncQueryRows(state.rows, target);
    setState({ target, rows });
  }
  const change = (next: FieldRow[]): void => {
    const written = writeQuery(target, next);
    setState({ target: written, rows: next });
    if (written !== target) onTarget(written);
  };
  const { base } = splitTarget(target);
  return (
    <div className="builder-panel">
      <p className="builder-note">
        Query of <code>{base || '/'}</code> — decoded here, encoded in the request line; the app
        reads it as <code>QUERY_STRING</code>.
      </p>
      <FieldTable rows={rows} onChange={change} noun="Parameter" empty="No query parameters." />
    </div>
  );
}
