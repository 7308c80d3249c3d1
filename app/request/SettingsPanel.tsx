import {
  entryProblem,
  fixedFlag,
  fixedFlagsNote,
  PERSONALITIES,
  PERSONALITY_NAMES,
} from '../../src/index.ts';
import type { RunSettings } from '../state/playgroundStore.ts';
import { CountField } from './CountField.tsx';

const FLAGS = [
  { key: 'multithread', name: 'wsgi.multithread', hint: 'other threads may call the app at once' },
  {
    key: 'multiprocess',
    name: 'wsgi.multiprocess',
    hint: 'other processes may call the app at once',
  },
  { key: 'runOnce', name: 'wsgi.run_once', hint: 'the app is called once in this process (CGI)' },
] as const;

/** The server's settings: personality, HTTP version, mount point, URL scheme, entry, time limit,
 * a client that goes away, wsgi flags. */
export function SettingsPanel({
  settings,
  onSettings,
  entry,
  onEntry,
  timeLimitMs,
  onTimeLimit,
}: {
  settings: RunSettings;
  onSettings: (patch: Partial<RunSettings>) => void;
  /** The project's entry, gunicorn's `module:callable`. */
  entry: string;
  onEntry: (entry: string) => void;
  timeLimitMs: number;
  onTimeLimit: (ms: number) => void;
}) {
  const entryInvalid = entryProblem(entry);
  const flagsNote = fixedFlagsNote(settings.personality);
  return (
    <div className="builder-panel settings-grid">
      <span className="settings-grid__label" id="personality-label">
        Server
      </span>
      <div className="settings-grid__pair">
        <div
          className="rb-segmented"
          role="radiogroup"
          aria-labelledby="personality-label"
          aria-describedby="personality-hint"
        >
          {PERSONALITIES.map((value) => (
            <label
              key={value}
              className="body-modes__option"
              title={PERSONALITY_NAMES[value].title}
            >
              <input
                type="radio"
                name="personality"
                value={value}
                checked={settings.personality === value}
                onChange={() => onSettings({ personality: value })}
              />
              <span>{PERSONALITY_NAMES[value].label}</span>
            </label>
          ))}
        </div>
        <span className="settings-grid__hint settings-grid__hint--prose" id="personality-hint">
          {PERSONALITY_NAMES[settings.personality].title}
        </span>
      </div>

      <label className="settings-grid__label" htmlFor="setting-http-version">
        HTTP version
      </label>
      <div className="settings-grid__pair">
        <select
          id="setting-http-version"
          value={settings.httpVersion}
          onChange={(event) => onSettings({ httpVersion: event.target.value as '1.0' | '1.1' })}
        >
          <option value="1.1">HTTP/1.1</option>
          <option value="1.0">HTTP/1.0</option>
        </select>
        <label className="settings-grid__inline" htmlFor="setting-url-scheme">
          URL scheme
        </label>
        <select
          id="setting-url-scheme"
          aria-describedby="setting-url-scheme-hint"
          value={settings.urlScheme}
          onChange={(event) => onSettings({ urlScheme: event.target.value as 'http' | 'https' })}
        >
          <option value="http">http</option>
          <option value="https">https</option>
        </select>
        <span className="settings-grid__hint" id="setting-url-scheme-hint">
          wsgi.url_scheme
        </span>
      </div>

      <label className="settings-grid__label" htmlFor="setting-script-name">
        Mount point
      </label>
      <div className="settings-grid__pair">
        <input
          id="setting-script-name"
          value={settings.scriptName}
          placeholder="none — the app is at /"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="setting-script-name-hint"
          onChange={(event) => onSettings({ scriptName: event.target.value })}
        />
        <span className="settings-grid__hint" id="setting-script-name-hint">
          SCRIPT_NAME; the rest of the path is PATH_INFO
        </span>
      </div>

      <label className="settings-grid__label" htmlFor="setting-entry">
        Entry
      </label>
      <div className="settings-grid__pair">
        <input
          id="setting-entry"
          value={entry}
          placeholder="app"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={entryInvalid !== null}
          aria-describedby="setting-entry-hint"
          onChange={(event) => onEntry(event.target.value)}
        />
        <span className="settings-grid__hint" id="setting-entry-hint">
          {entryInvalid ??
            'module:callable, as gunicorn takes it; a module alone: application, then app'}
        </span>
      </div>

      <label className="settings-grid__label" htmlFor="setting-time-limit">
        Time limit
      </label>
      <div className="settings-grid__pair">
        <input
          id="setting-time-limit"
          type="number"
          min={0}
          step={0.5}
          value={timeLimitMs / 1000}
          onChange={(event) => {
            const seconds = Number(event.target.value);
            if (Number.isFinite(seconds) && seconds >= 0) onTimeLimit(seconds * 1000);
          }}
        />
        <span className="settings-grid__hint">seconds before a run is stopped (0: no limit)</span>
      </div>

      <CountField
        id="setting-disconnect-after"
        label="Client goes away"
        value={settings.disconnectAfter}
        placeholder="never"
        hint="after reading this many bytes of the response: the server's next write raises BrokenPipeError, as a socket's does (empty: the client stays)"
        onChange={(bytes) => onSettings({ disconnectAfter: bytes })}
      />
      <CountField
        id="setting-short-body"
        label="Client sends only"
        value={settings.shortBody}
        placeholder="all"
        hint="bytes of the body it announces (Content-Length), then stops: wsgi.input ends early (empty: it sends all)"
        onChange={(bytes) => onSettings({ shortBody: bytes })}
      />
      <CountField
        id="setting-slow-client"
        label="Client reads slowly"
        value={settings.slowClient}
        placeholder="no"
        hint="milliseconds it takes to read each write of the body: the server's writes wait for it (empty: it reads at once)"
        onChange={(ms) => onSettings({ slowClient: ms })}
      />

      <span className="settings-grid__label">Flags</span>
      <div className="settings-grid__pair">
        <div className="settings-grid__flags">
          {FLAGS.map(({ key, name, hint }) => {
            const fixed = fixedFlag(settings.personality, key);
            return (
              <label key={key} title={fixed ? `${name} is set by the server: ${fixed.why}` : hint}>
                <input
                  type="checkbox"
                  // Under a modelled server the server decides: show its value, not the setting's.
                  checked={fixed ? fixed.value : settings[key]}
                  disabled={fixed !== null}
                  aria-describedby={fixed ? 'setting-flags-hint' : undefined}
                  onChange={(event) => onSettings({ [key]: event.target.checked })}
                />
                <code>{name}</code>
              </label>
            );
          })}
        </div>
        {flagsNote && (
          <span className="settings-grid__hint settings-grid__hint--prose" id="setting-flags-hint">
            {flagsNote}
          </span>
        )}
      </div>
    </div>
  );
}
