import { Fragment, useId, useMemo, useState } from 'react';
import {
  environDoc,
  filterEnviron,
  groupEnviron,
  NATIVE_STRINGS_DOC,
  type EnvironRow,
} from '../../src/index.ts';
import { plural } from '../common/formatting.ts';
import { noResponseReason } from './noResponse.ts';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import { visiblePieces } from './visibleText.ts';
import './environTab.css';

/** The environ the app received: grouped, filterable, each standard key explained. */
export function EnvironTab({ trace }: ResultTabProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => groupEnviron(trace.environ), [trace.environ]);
  const shown = useMemo(() => filterEnviron(groups, query), [groups, query]);
  const shownCount = shown.reduce((sum, group) => sum + group.rows.length, 0);
  const idPrefix = useId();

  const toggle = (key: string): void => {
    const next = new Set(open);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setOpen(next);
  };

  return (
    <div className="environ-tab">
      {trace.notes.length > 0 && (
        <ul className="environ-tab__notes" aria-label="Notes about the request">
          {trace.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      {trace.environ.length === 0 ? (
        <p className="empty">
          No environ: the app was never called — {noResponseReason(trace.outcome)}.
        </p>
      ) : (
        <>
          <div className="environ-tab__toolbar">
            <input
              type="search"
              className="environ-tab__filter"
              aria-label="Filter environ keys"
              placeholder="Filter keys and values…"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <span className="muted">
              {shownCount === trace.environ.length
                ? plural(shownCount, 'key')
                : `${shownCount} of ${plural(trace.environ.length, 'key')}`}
            </span>
          </div>
          {shown.length === 0 && <p className="empty">No key or value contains “{query}”.</p>}
          {shown.map((group) => {
            const headingId = `${idPrefix}-${group.id}`;
            return (
              <div key={group.id} className="environ-tab__group">
                <h2 id={headingId} className="environ-tab__heading">
                  {group.title} <span className="muted">{group.rows.length}</span>
                </h2>
                <table className="environ-table" aria-labelledby={headingId}>
                  <thead className="visually-hidden">
                    <tr>
                      <th scope="col">Key</th>
                      <th scope="col">Type</th>
                      <th scope="col">Value</th>
                      <th scope="col">About</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.rows.map((row) => (
                      <EnvironRowView
                        key={row.key}
                        row={row}
                        expanded={open.has(row.key)}
                        onToggle={() => toggle(row.key)}
                        docId={`${idPrefix}-doc-${row.key}`}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </>
      )}
    </div>
  );
}

function EnvironRowView({
  row,
  expanded,
  onToggle,
  docId,
}: {
  row: EnvironRow;
  expanded: boolean;
  onToggle: () => void;
  docId: string;
}) {
  const doc = environDoc(row.key);
  return (
    <Fragment>
      <tr data-key={row.key}>
        <th scope="row" className="environ-table__key" title={doc?.text}>
          {row.key}
        </th>
        <td className="environ-table__type">{row.type}</td>
        <td className="environ-table__value">
          <EnvironValue row={row} />
        </td>
        <td className="environ-table__about">
          {doc && (
            <button
              type="button"
              className="environ-table__info"
              aria-expanded={expanded}
              aria-controls={docId}
              aria-label={`About ${row.key}`}
              title={doc.text}
              onClick={onToggle}
            >
              ?
            </button>
          )}
        </td>
      </tr>
      {doc && expanded && (
        <tr id={docId} className="environ-table__doc">
          <td colSpan={4}>
            {doc.text}{' '}
            <a href={doc.href} target="_blank" rel="noreferrer noopener">
              PEP 3333 › {doc.section}
            </a>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function EnvironValue({ row }: { row: EnvironRow }) {
  const isString = row.type === 'str';
  return (
    <>
      {isString && row.value === '' ? (
        <span className="environ-table__empty">empty string</span>
      ) : (
        <code className={isString ? 'environ-table__str' : 'environ-table__repr'}>
          {visiblePieces(row.value).map((piece, index) =>
            piece.control ? (
              <span key={index} className="environ-table__control">
                {piece.text}
              </span>
            ) : (
              piece.text
            ),
          )}
        </code>
      )}
      {row.utf8 && (
        <span className="environ-table__utf8" title={NATIVE_STRINGS_DOC.text}>
          {row.utf8.kind === 'text' ? (
            <>
              as UTF-8: <code>{row.utf8.text}</code>
            </>
          ) : (
            'not valid UTF-8: the latin-1 reading is all there is'
          )}{' '}
          <a href={NATIVE_STRINGS_DOC.href} target="_blank" rel="noreferrer noopener">
            why?
          </a>
        </span>
      )}
    </>
  );
}
