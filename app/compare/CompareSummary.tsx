import type { SummaryRow } from '../../src/index.ts';
import { ChangeMark } from './ChangeMark.tsx';

/** The runs side by side in figures: status, outcome, sizes, events, findings, time. */
export function CompareSummary({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <table className="compare-summary" aria-label="Summary">
      <thead>
        <tr>
          {rows.map((row) => (
            <th key={row.label} scope="col" data-diff={row.change}>
              <ChangeMark change={row.change} /> {row.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['a', 'b'] as const).map((side) => (
          <tr key={side}>
            {rows.map((row) => (
              <td key={row.label} data-diff={row.change}>
                <span className="compare-side-tag">{side.toUpperCase()}</span> {row[side]}
                {row.varies && side === 'b' && <span className="compare-note"> (varies)</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
