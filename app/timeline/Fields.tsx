/** The building blocks of an event's details: label/value rows and a link to a source line. */
import type { ReactNode } from 'react';
import { revealInEditor } from '../editor/revealInEditor.ts';

/** "yes" or "no". */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A label and its value; `false` stands for a field the event does not have. */
export type Row = [string, ReactNode] | false;

/** Label/value pairs shown as a definition list. */
export function Fields({ rows }: { rows: Row[] }) {
  return (
    <dl className="tl-fields">
      {rows
        .filter((row) => row !== false)
        .map(([label, value]) => (
          <div key={label} className="tl-fields__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A source line as a link that shows it in the editor (`file` absent: the entry file). */
export function LineLink({ line, file }: { line: number; file?: string | undefined }) {
  return (
    <button type="button" className="tl-link" onClick={() => revealInEditor(line, file)}>
      {file === undefined ? `line ${line}` : `${file}:${line}`}
    </button>
  );
}
