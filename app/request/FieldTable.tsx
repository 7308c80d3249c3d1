import { useRef, type ReactNode } from 'react';
import type { FieldRow } from '../../src/index.ts';

/** What a table of name/value rows shows and changes. */
export interface FieldTableProps {
  rows: readonly FieldRow[];
  onChange: (rows: FieldRow[]) => void;
  /** What one row is, capitalised: "Header", "Parameter", "Field" (used in labels). */
  noun: string;
  /** The id of a <datalist> of name suggestions, if any. */
  nameList?: string;
  /** Shown after the rows, before the Add button (e.g. headers the client adds). */
  footer?: ReactNode;
  /** Shown instead of the rows when there are none. */
  empty?: string;
}

/**
 * An editable table of name/value rows, each with an on/off switch and a delete button; every
 * input is labelled by its row ("Header name 1"). Adding a row moves the focus to its name.
 */
export function FieldTable({ rows, onChange, noun, nameList, footer, empty }: FieldTableProps) {
  const table = useRef<HTMLDivElement>(null);
  const lower = noun.toLowerCase();
  const patch = (index: number, change: Partial<FieldRow>): void =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  /** Once React has drawn the change, focus row `n`'s name, or the Add button. */
  const focusAfter = (n: number): void => {
    requestAnimationFrame(() => {
      const name = table.current?.querySelector<HTMLElement>(`[aria-label="${noun} name ${n}"]`);
      (name ?? table.current?.querySelector<HTMLElement>('.field-table__add'))?.focus();
    });
  };
  const add = (): void => {
    onChange([...rows, { name: '', value: '', enabled: true }]);
    focusAfter(rows.length + 1);
  };
  const remove = (index: number): void => {
    onChange(rows.filter((_, i) => i !== index));
    // The focus stays in the table: on the row that took this one's place, if any.
    focusAfter(index + 1);
  };
  return (
    <div className="field-table" ref={table}>
      {rows.length === 0 && empty && <p className="field-table__empty">{empty}</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <div
            className={`field-table__row${row.enabled ? '' : ' field-table__row--off'}`}
            key={index}
          >
            {/* The label is the tap target: a finger's size on a touch screen. */}
            <label className="field-table__send">
              <input
                type="checkbox"
                aria-label={`Send ${lower} ${n}`}
                title={row.enabled ? `Sent — untick to leave it out` : 'Left out — tick to send'}
                checked={row.enabled}
                onChange={(event) => patch(index, { enabled: event.target.checked })}
              />
            </label>
            <input
              aria-label={`${noun} name ${n}`}
              placeholder="name"
              value={row.name}
              list={nameList}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => patch(index, { name: event.target.value })}
            />
            <input
              aria-label={`${noun} value ${n}`}
              placeholder="value"
              value={row.value}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => patch(index, { value: event.target.value })}
            />
            <button
              type="button"
              className="rb-icon"
              aria-label={`Delete ${lower} ${n}`}
              title={`Delete this ${lower}`}
              onClick={() => remove(index)}
            >
              ×
            </button>
          </div>
        );
      })}
      {footer}
      <button type="button" className="rb-button field-table__add" onClick={add}>
        + Add {lower}
      </button>
    </div>
  );
}
