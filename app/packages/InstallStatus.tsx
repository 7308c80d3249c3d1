import { packageErrorWords } from './packageErrorWords.ts';
import type { FileProgress, PackagesState } from './packagesState.ts';
import { packageStatusText, wheelLabel } from './statusText.ts';

/** Where a wheel came from, in a word. */
function originOf(file: FileProgress | undefined, url: string): string {
  if (url === '') return 'added by hand';
  if (file?.state === 'cached') return 'from cache';
  return file?.state === 'downloaded' ? 'downloaded' : 'ready';
}

/** A file being fetched: its name and a bar (indeterminate while the size is unknown). */
function FileBar({ file }: { file: FileProgress }) {
  const done = file.state !== 'downloading';
  return (
    <li className="packages-list__item">
      <span className="packages-list__name">{wheelLabel(file.filename)}</span>
      {done ? (
        <span className="muted">{file.state === 'cached' ? 'from cache' : 'downloaded'}</span>
      ) : (
        <progress
          className="packages-progress"
          aria-label={`Downloading ${file.filename}`}
          {...(file.total === null ? {} : { value: file.loaded, max: file.total })}
        />
      )}
    </li>
  );
}

/**
 * What the newest preparation of these packages did: the files as they arrive, then the pins
 * installed ("Installed packages"), or why it failed. `current`: the state is of the packages
 * on screen (not of a set another project ran).
 */
export function InstallStatus({ state, current }: { state: PackagesState; current: boolean }) {
  if (!current || state.phase === 'idle')
    return <p className="builder-note">Not installed yet: Install, or Run, resolves them.</p>;
  if (state.phase === 'failed' && state.error) {
    const words = packageErrorWords(state.error);
    return (
      <div className="packages-error" role="alert">
        <p>
          <strong>{words.title}.</strong> {words.message}
        </p>
        <p>{words.hint}</p>
      </div>
    );
  }
  if (state.phase === 'preparing') {
    return (
      <div className="packages-status">
        <p role="status">{packageStatusText(state)}</p>
        {state.files.length > 0 && (
          <ul className="packages-list" aria-label="Downloads">
            {state.files.map((file) => (
              <FileBar key={file.filename} file={file} />
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <ul className="packages-list" aria-label="Installed packages">
      {state.pins.map((pin) => (
        <li key={pin.sha256} className="packages-list__item">
          <span className="packages-list__name">
            {pin.name} <span className="muted">{pin.version}</span>
          </span>
          <span className="muted">
            {originOf(
              state.files.find((file) => file.filename === pin.filename),
              pin.url,
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
