import type { InputChange } from '../../src/index.ts';

/** What went in differently: the entry, the request's fields, the settings. */
export function InputChanges({ changes }: { changes: readonly InputChange[] }) {
  if (changes.length === 0)
    return <p className="compare-verdict">Both runs had the same request and settings.</p>;
  return (
    <table className="compare-table" aria-label="Request and settings compared">
      <thead>
        <tr>
          <th scope="col">Input</th>
          <th scope="col">Run A</th>
          <th scope="col">Run B</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} data-diff="changed">
            <th scope="row">{change.field}</th>
            <td className="compare-table__value">{change.a}</td>
            <td className="compare-table__value">{change.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
