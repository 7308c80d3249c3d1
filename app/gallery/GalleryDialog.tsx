import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EXAMPLE_GROUPS, EXAMPLES, type Example } from '../../src/index.ts';
import { ruleById } from '../../src/rules/index.ts';
import { SeverityIcon } from '../findings/SeverityIcon.tsx';
import { teaserOf } from './loadExample.ts';
import './gallery.css';

/** Examples whose title, teaser or expected findings contain `query`, by chapter. */
function chapters(query: string) {
  const words = query.trim().toLowerCase();
  const matches = (example: Example): boolean =>
    words === '' ||
    `${example.title} ${example.explanation} ${example.expectedFindings.join(' ')}`
      .toLowerCase()
      .includes(words);
  return EXAMPLE_GROUPS.map((group, index) => ({
    ...group,
    number: index + 1,
    examples: EXAMPLES.filter((example) => example.group === group.id && matches(example)),
  })).filter((group) => group.examples.length > 0);
}

/** What an example is expected to find, as small severity-marked chips. */
function ExpectedFindings({ example }: { example: Example }) {
  if (example.expectedFindings.length === 0) return null;
  return (
    <span className="gallery-card__findings">
      {example.expectedFindings.map((id) => {
        const rule = ruleById(id);
        return (
          <span key={id} className="gallery-card__finding">
            {rule && <SeverityIcon severity={rule.severity} size={11} />}
            {rule?.title ?? id}
          </span>
        );
      })}
    </span>
  );
}

/** What the gallery dialog needs. */
export interface GalleryDialogProps {
  open: boolean;
  onClose: () => void;
  onChoose: (example: Example) => void;
  /** The example on screen, marked in the list. */
  currentId: string | undefined;
  /** The editor holds the person's own code, which loading will replace. */
  ownCode: boolean;
}

/**
 * The examples gallery: a modal listing every example by chapter, in course order, each
 * with its title, a one-line teaser and what it is expected to find; a filter narrows it.
 */
export function GalleryDialog({ open, onClose, onChoose, currentId, ownCode }: GalleryDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => chapters(query), [query]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // Open on the filter: type to narrow, Tab to the examples.
      element.querySelector<HTMLInputElement>('.gallery__filter')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="gallery dialog-box"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        // Let React's state close it, so that `open` and the element agree.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="gallery__box">
          <div className="gallery__head">
            <div>
              <h2 id={titleId} className="gallery__title">
                Examples
              </h2>
              <p className="gallery__subtitle">
                A course through PEP 3333, chapter by chapter, then real-world ordering bugs.
                Choosing one loads it and runs it.
              </p>
            </div>
            <button
              type="button"
              className="close-button"
              aria-label="Close the examples"
              onClick={onClose}
            >
              ×
            </button>
          </div>
          <div className="gallery__tools">
            <input
              type="search"
              className="gallery__filter"
              aria-label="Filter examples"
              placeholder="Filter: title, topic or rule…"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            {ownCode && (
              <p className="gallery__note" role="note">
                Your code in the editor will be replaced; the example’s banner offers to restore it.
              </p>
            )}
          </div>
          <div className="gallery__list">
            {shown.length === 0 && <p className="empty">No example matches “{query}”.</p>}
            {shown.map((group) => (
              <section
                key={group.id}
                className="gallery__chapter"
                aria-labelledby={`${titleId}-${group.id}`}
              >
                <h3 id={`${titleId}-${group.id}`} className="gallery__chapter-title">
                  <span className="gallery__chapter-number">{group.number}</span>
                  {group.title}
                </h3>
                <ul className="gallery__cards">
                  {group.examples.map((example) => (
                    <li key={example.id}>
                      <button
                        type="button"
                        className="gallery-card"
                        data-example={example.id}
                        aria-current={example.id === currentId ? 'true' : undefined}
                        onClick={() => onChoose(example)}
                      >
                        <span className="gallery-card__title">{example.title}</span>
                        <span className="gallery-card__teaser">{teaserOf(example)}</span>
                        <ExpectedFindings example={example} />
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      )}
    </dialog>
  );
}
