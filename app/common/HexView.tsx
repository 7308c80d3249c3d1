import { useState } from 'react';
import { formatBytes } from './formatting.ts';
import { HEX_ROW_BYTES, hexRows } from './hexDump.ts';
import './hexView.css';

/** Rows shown at first, and added by each "Show more". */
const HEX_PAGE_ROWS = 256;

/** A hex dump of bytes (offset, hex, ASCII), shown a page at a time for large bodies. */
export function HexView({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const [rows, setRows] = useState(HEX_PAGE_ROWS);
  const shownBytes = Math.min(bytes.length, rows * HEX_ROW_BYTES);
  const left = bytes.length - shownBytes;
  if (bytes.length === 0) return <p className="empty">No bytes.</p>;
  return (
    <>
      <div className="hex-view__scroll">
        <table className="hex-view" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Offset</th>
              <th scope="col">Bytes</th>
              <th scope="col">ASCII</th>
            </tr>
          </thead>
          <tbody>
            {hexRows(bytes, 0, shownBytes).map((row) => (
              <tr key={row.offset}>
                <td className="hex-view__offset">{row.offset}</td>
                <td className="hex-view__hex">{row.hex}</td>
                <td className="hex-view__ascii">{row.ascii}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {left > 0 && (
        <p className="hex-view__more">
          Showing {formatBytes(shownBytes)} of {formatBytes(bytes.length)}.{' '}
          <button type="button" className="link-button" onClick={() => setRows((n) => n * 4)}>
            Show more
          </button>
        </p>
      )}
    </>
  );
}
