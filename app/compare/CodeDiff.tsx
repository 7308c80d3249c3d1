import { lazy, Suspense, useMemo, useState } from 'react';
import { countChanges, diffBytes, type FileChange } from '../../src/compare/index.ts';
import { useColorScheme } from '../common/useColorScheme.ts';
import { usePlainCodeView } from '../editor/usePlainCodeView.ts';
import { BytesDiffView } from './BytesDiffView.tsx';
import { CHANGE_WORDS } from './ChangeMark.tsx';

const MonacoDiff = lazy(() => import('./MonacoDiff.tsx'));

const encoder = new TextEncoder();

/** What changed in a file, in words: "2 lines changed, 1 only in B". */
function lineWords(file: FileChange): string {
  if (file.change === 'same') return 'the same';
  if (file.change !== 'changed') return CHANGE_WORDS[file.change].word;
  const counts = countChanges(
    diffBytes(encoder.encode(file.a ?? ''), encoder.encode(file.b ?? '')).rows,
  );
  const parts = [
    counts.changed && `${counts.changed} ${counts.changed === 1 ? 'line' : 'lines'} changed`,
    counts.added && `${counts.added} only in B`,
    counts.removed && `${counts.removed} only in A`,
  ].filter(Boolean);
  return parts.join(', ') || 'line ends differ';
}

/**
 * The project's files compared: Monaco's diff editor (loaded on demand), or on a touch-only
 * screen — where the page shows code without Monaco — the lines side by side as text.
 */
export function CodeDiff({ files }: { files: readonly FileChange[] }) {
  const firstChanged = files.find((file) => file.change !== 'same') ?? files[0];
  const [path, setPath] = useState(firstChanged?.path ?? '');
  const file = files.find((f) => f.path === path) ?? firstChanged;
  const { plain } = usePlainCodeView();
  const colorScheme = useColorScheme();
  const words = useMemo(() => (file ? lineWords(file) : ''), [file]);
  if (!file) return <p className="compare-empty">No files.</p>;
  const fallback = (
    <BytesDiffView
      diff={diffBytes(encoder.encode(file.a ?? ''), encoder.encode(file.b ?? ''))}
      name="code"
    />
  );
  return (
    <div className="compare-code">
      <div className="compare-code__files" role="group" aria-label="Files">
        {files.map((f) => (
          <button
            key={f.path}
            type="button"
            className="compare-code__file"
            aria-pressed={f.path === file.path}
            data-diff={f.change}
            onClick={() => setPath(f.path)}
          >
            {f.path}
            {f.change !== 'same' && (
              <span className="compare-note"> · {CHANGE_WORDS[f.change].word}</span>
            )}
          </button>
        ))}
      </div>
      <p className="compare-verdict" aria-live="polite">
        {file.path}: {words}
      </p>
      {plain ? (
        fallback
      ) : (
        <Suspense fallback={fallback}>
          <MonacoDiff
            original={file.a ?? ''}
            modified={file.b ?? ''}
            path={file.path}
            colorScheme={colorScheme}
          />
        </Suspense>
      )}
    </div>
  );
}
