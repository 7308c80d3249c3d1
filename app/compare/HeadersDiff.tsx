import type { HeaderRow } from '../../src/index.ts';
import { ChangeMark, CHANGE_WORDS } from './ChangeMark.tsx';
import { CompareTableHead } from './CompareTableHead.tsx';

/** The response headers of both runs by name, the ones that differ marked. */
export function HeadersDiff({ rows }: { rows: readonly HeaderRow[] }) {
  if (rows.length === 0) return <p className="compare-empty">Neither run sent headers.</p>;
  return (
    <table className="compare-table" aria-label="Response headers compared">
      <CompareTableHead named={['Header']} />
      <tbody>
        {rows.map((row, index) => (
          <tr
            key={`${row.name}-${index}`}
            data-diff={row.change}
            aria-label={`${row.name}: ${CHANGE_WORDS[row.change].word}`}
          >
            <td>
              <ChangeMark change={row.change} />
            </td>
            <th scope="row">{row.name}</th>
            <td className="compare-table__value">
              {row.a ?? <em className="compare-note">not sent</em>}
            </td>
            <td className="compare-table__value">
              {row.b ?? <em className="compare-note">not sent</em>}
              {row.timeOnly && <span className="compare-note"> (the clock moved on)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
