import { useId } from 'react';
import type { CompareSource } from './compareSources.ts';

/** Pick the run of one side: the run on screen, a run of the history, a link's run. */
export function SidePicker({
  side,
  value,
  sources,
  onPick,
}: {
  side: 'A' | 'B';
  value: string | undefined;
  sources: readonly CompareSource[];
  onPick: (source: CompareSource) => void;
}) {
  const id = useId();
  return (
    <div className={`compare-picker compare-picker--${side.toLowerCase()}`}>
      <label htmlFor={id}>Run {side}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => {
          const source = sources.find((s) => s.id === event.target.value);
          if (source) onPick(source);
        }}
      >
        {sources.map((source) => (
          <option key={source.id} value={source.id}>
            {source.label}
          </option>
        ))}
      </select>
    </div>
  );
}
