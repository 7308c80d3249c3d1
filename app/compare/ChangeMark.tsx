import type { RowChange } from '../../src/index.ts';

/** The words and symbol of each change (never colour alone: the legend names them). */
export const CHANGE_WORDS: Record<RowChange, { symbol: string; word: string }> = {
  same: { symbol: '', word: 'same' },
  changed: { symbol: '≠', word: 'changed' },
  added: { symbol: '+', word: 'only in B' },
  removed: { symbol: '−', word: 'only in A' },
};

/** The mark at the start of a row that differs: its symbol, and its word for screen readers. */
export function ChangeMark({ change }: { change: RowChange }) {
  if (change === 'same') return <span className="compare-mark" />;
  const { symbol, word } = CHANGE_WORDS[change];
  return (
    <span className={`compare-mark compare-mark--${change}`} title={word}>
      <span aria-hidden="true">{symbol}</span>
      <span className="visually-hidden">{word}</span>
    </span>
  );
}

/** The key to the marks, shown once above the comparison. */
export function ChangeLegend() {
  return (
    <p className="compare-legend">
      {(['changed', 'added', 'removed'] as const).map((change) => (
        <span key={change} className="compare-legend__item" data-diff={change}>
          <span className={`compare-mark compare-mark--${change}`} aria-hidden="true">
            {CHANGE_WORDS[change].symbol}
          </span>
          {CHANGE_WORDS[change].word}
        </span>
      ))}
    </p>
  );
}
