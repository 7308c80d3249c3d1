import { useId, useState } from 'react';
import { DEFAULT_INDEX_URL, indexUrlProblem } from '../../src/index.ts';
import { requirementProblems } from './requirementProblems.ts';
import { requirementLines, requirementsText, sameRequirements } from './requirementsText.ts';

/** The Requirements box (requirements.txt lines) and the Package index field. */
export function RequirementsField({
  requirements,
  indexUrl,
  onRequirements,
  onIndexUrl,
}: {
  requirements: readonly string[];
  indexUrl: string;
  onRequirements: (requirements: string[]) => void;
  onIndexUrl: (url: string) => void;
}) {
  // The box keeps what was typed (comments, blank lines); the project keeps the requirements.
  const [text, setText] = useState(() => requirementsText(requirements));
  const [index, setIndex] = useState(indexUrl === DEFAULT_INDEX_URL ? '' : indexUrl);
  const problemsId = useId();
  const indexHelpId = useId();
  const problems = requirementProblems(requirementLines(text));
  const indexProblem = index.trim() === '' ? null : indexUrlProblem(index.trim());
  return (
    <>
      <label className="packages-field">
        <span className="packages-field__label">Requirements</span>
        <textarea
          className="builder-dialog__text"
          rows={5}
          value={text}
          spellCheck={false}
          placeholder={'flask\nbottle==0.13.2\n# one a line, as in requirements.txt'}
          aria-invalid={problems.length > 0}
          aria-describedby={problems.length > 0 ? problemsId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const lines = requirementLines(event.target.value);
            if (!sameRequirements(lines, requirements)) onRequirements(lines);
          }}
        />
      </label>
      {problems.length > 0 && (
        <ul className="packages-problems" id={problemsId}>
          {problems.map((problem) => (
            <li key={problem.requirement}>
              <code>{problem.requirement}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      <label className="packages-field">
        <span className="packages-field__label">Package index</span>
        <input
          type="url"
          className="builder-dialog__text packages-field__input"
          value={index}
          placeholder={DEFAULT_INDEX_URL}
          spellCheck={false}
          aria-invalid={indexProblem !== null}
          aria-describedby={indexHelpId}
          onChange={(event) => {
            const url = event.target.value;
            setIndex(url);
            const trimmed = url.trim();
            if (trimmed === '') onIndexUrl(DEFAULT_INDEX_URL);
            else if (indexUrlProblem(trimmed) === null) onIndexUrl(trimmed);
          }}
        />
      </label>
      <p className={indexProblem ? 'packages-problems' : 'builder-note'} id={indexHelpId}>
        {indexProblem ??
          'A simple index (PEP 503/691); left empty, PyPI. Pure-Python wheels install, and the packages Pyodide builds.'}
      </p>
    </>
  );
}
