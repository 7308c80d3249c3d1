import { useRef } from 'react';
import type { HandWheelEntry } from '../../src/index.ts';

/** The wheels added by hand, each with Remove, and "Add wheel files…" (a file picker). */
export function HandWheelsField({
  wheels,
  missing,
  onAdd,
  onRemove,
}: {
  wheels: readonly HandWheelEntry[];
  /** The files this browser does not have (a link's project), marked in the list. */
  missing: readonly string[];
  onAdd: (files: File[]) => void;
  onRemove: (wheel: HandWheelEntry) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="packages-field">
      <div className="packages-field__row">
        <span className="packages-field__label">Wheel files</span>
        <button type="button" className="tool-button" onClick={() => input.current?.click()}>
          Add wheel files…
        </button>
        <input
          ref={input}
          type="file"
          accept=".whl"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = ''; // the same file can be chosen again
            if (files.length > 0) onAdd(files);
          }}
        />
      </div>
      {wheels.length === 0 ? (
        <p className="builder-note">
          None. Add .whl files, or drop them here: they stay with the draft, in this browser.
        </p>
      ) : (
        <ul className="packages-list" aria-label="Wheel files added by hand">
          {wheels.map((wheel) => (
            <li key={wheel.sha256} className="packages-list__item">
              <code className="packages-list__name">{wheel.filename}</code>
              {missing.includes(wheel.filename) && (
                <span className="packages-list__missing">missing in this browser</span>
              )}
              <button
                type="button"
                className="file-tabs__tool"
                aria-label={`Remove ${wheel.filename}`}
                onClick={() => onRemove(wheel)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
