import { EXAMPLE_GROUPS, exampleById, type Example } from '../../src/index.ts';
import { ruleById } from '../../src/rules/index.ts';
import { SeverityIcon } from '../findings/SeverityIcon.tsx';
import type { LoadedExample } from './loadExample.ts';
import { nextExample } from './loadExample.ts';
import './gallery.css';

/** "Chapter 10 · Content-Length": where an example sits in the course. */
function chapterWords(example: Example): string {
  const index = EXAMPLE_GROUPS.findIndex((group) => group.id === example.group);
  return `Chapter ${index + 1} · ${EXAMPLE_GROUPS[index]?.title ?? example.group}`;
}

/** What the example's run should find, in words, each rule with its severity. */
function Expected({ example }: { example: Example }) {
  if (example.expectedFindings.length === 0) {
    return <span className="example-banner__expect">Expect no findings.</span>;
  }
  return (
    <span className="example-banner__expect">
      Expect in Findings:{' '}
      {example.expectedFindings.map((id, index) => {
        const rule = ruleById(id);
        return (
          <span key={id} className="example-banner__rule" data-rule={id}>
            {index > 0 && ', '}
            {rule && <SeverityIcon severity={rule.severity} size={12} />} {rule?.title ?? id}
          </span>
        );
      })}
    </span>
  );
}

/** What the banner can do. */
export interface ExampleBannerProps {
  loaded: LoadedExample;
  onDismiss: () => void;
  onUndo: () => void;
  onNext: (example: Example) => void;
  /** Open the example this one fixes beside it, compared (absent: no comparisons here). */
  onCompare?: ((bug: Example, fix: Example) => void) | undefined;
}

/**
 * "About this example", above the results: what the loaded example shows and what to look at,
 * what it should find, a way back to the person's own code, and the next example of the course.
 */
export function ExampleBanner({
  loaded,
  onDismiss,
  onUndo,
  onNext,
  onCompare,
}: ExampleBannerProps) {
  const { example, replaced } = loaded;
  const next = nextExample(example);
  const bug = example.compareWith === undefined ? undefined : exampleById(example.compareWith);
  return (
    <section className="example-banner" aria-label="About this example">
      <div className="example-banner__head">
        <span className="example-banner__chapter">{chapterWords(example)}</span>
        <h2 className="example-banner__title">{example.title}</h2>
        <button
          type="button"
          className="close-button example-banner__close"
          aria-label="Dismiss the example's explanation"
          title="Dismiss"
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
      <p className="example-banner__text">{example.explanation}</p>
      <div className="example-banner__foot">
        <Expected example={example} />
        <span className="example-banner__actions">
          {bug && onCompare && (
            <button
              type="button"
              className="example-banner__button"
              title={`Run “${bug.title}” and this fix, and compare the two`}
              onClick={() => onCompare(bug, example)}
            >
              Compare with the bug
            </button>
          )}
          {replaced && (
            <button type="button" className="example-banner__button" onClick={onUndo}>
              Restore my code
            </button>
          )}
          {next && (
            <button
              type="button"
              className="example-banner__button"
              title={`Next example: ${next.title}`}
              onClick={() => onNext(next)}
            >
              Next example →
            </button>
          )}
        </span>
      </div>
    </section>
  );
}
