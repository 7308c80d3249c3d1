import { bytesPreview, fromBase64 } from '../../src/index.ts';
import { HexView } from '../common/HexView.tsx';

/** A chunk handed across the boundary, as the event records it. */
export interface Chunk {
  type: string;
  size?: number | undefined;
  previewBase64?: string | undefined;
  repr?: string | undefined;
}

/**
 * What a chunk held: its type and size, Python's repr of its start, and a hex dump of the
 * preview the run kept (saying so when that is only the first bytes).
 */
export function ChunkPreview({ chunk }: { chunk: Chunk }) {
  if (chunk.previewBase64 === undefined) {
    return (
      <p className="tl-details__warn">
        A <code>{chunk.type}</code>, not bytes: <code>{chunk.repr ?? ''}</code>
      </p>
    );
  }
  const bytes = fromBase64(chunk.previewBase64);
  const size = chunk.size ?? bytes.length;
  return (
    <div className="tl-chunk">
      <code className="tl-chunk__repr">{bytesPreview(chunk.previewBase64, size)}</code>
      {bytes.length > 0 && (
        <div className="tl-chunk__hex">
          <HexView bytes={bytes} label="Chunk bytes in hex" />
        </div>
      )}
      {size > bytes.length && (
        <p className="muted tl-chunk__cut">
          The run kept the first {bytes.length.toLocaleString('en')} of {size.toLocaleString('en')}{' '}
          bytes.
        </p>
      )}
    </div>
  );
}
