import { plural, type BytesDiff } from '../../src/index.ts';
import { ChangeMark } from './ChangeMark.tsx';
import { CompareTableHead } from './CompareTableHead.tsx';

/** A line as text: line ends and control characters made visible, as the Wire tab does. */
function visible(line: string | undefined): string {
  if (line === undefined) return '';
  return line.replace(/\r\n$/, '↵').replace(/\n$/, '⏎').replace(/\r/g, '\\r').replace(/\t/g, '→');
}

/** Two byte strings (a body, the wire) compared line by line, side by side. */
export function BytesDiffView({ diff, name }: { diff: BytesDiff; name: string }) {
  const { sizes } = diff;
  const verdict = diff.identical
    ? `The ${name} of both runs are the same ${plural(sizes.a, 'byte')}.`
    : `A: ${plural(sizes.a, 'byte')} · B: ${plural(sizes.b, 'byte')}${diff.mode === 'hex' ? ' · not UTF-8, shown in hex' : ''}`;
  return (
    <>
      <p className="compare-verdict">{verdict}</p>
      {diff.cut && <p className="cut-note">Only the first lines of each side are compared.</p>}
      {diff.rows.length > 0 && (
        <table className="compare-table compare-bytes" aria-label={`${name} compared`}>
          <CompareTableHead />
          <tbody>
            {diff.rows.map((row, index) => (
              <tr key={index} data-diff={row.change}>
                <td>
                  <ChangeMark change={row.change} />
                </td>
                <td className="compare-bytes__line">{visible(row.a)}</td>
                <td className="compare-bytes__line">{visible(row.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
