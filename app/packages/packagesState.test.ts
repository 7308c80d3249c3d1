import { describe, expect, it } from 'vitest';
import { NO_PACKAGES, prepared, preparing, progressed } from './packagesState.ts';
import { packageStatusText, wheelLabel } from './statusText.ts';

const PIN = {
  name: 'Flask',
  version: '3.1.1',
  filename: 'flask-3.1.1-py3-none-any.whl',
  sha256: 'a'.repeat(64),
  url: 'https://files.example.test/flask-3.1.1-py3-none-any.whl',
};

describe('the packages state and its status line', () => {
  it('follows resolving, downloads and verification', () => {
    let state = preparing(NO_PACKAGES, 'k', null);
    expect(packageStatusText(state)).toBe('Reading the requirements…');
    for (const project of ['flask', 'werkzeug', 'jinja2', 'flask'])
      state = progressed(state, { stage: 'resolving', project });
    expect(state.resolved).toEqual(['flask', 'werkzeug', 'jinja2']);
    expect(packageStatusText(state)).toBe('Resolving jinja2…');
    state = progressed(state, {
      stage: 'verified',
      filename: 'werkzeug-3.1.3-py3-none-any.whl',
      fromCache: true,
    });
    state = progressed(state, {
      stage: 'downloading',
      filename: PIN.filename,
      loaded: 10,
      total: 100,
    });
    expect(packageStatusText(state)).toBe('Installing flask 3.1.1… (2 of 3)');
    state = progressed(state, {
      stage: 'downloading',
      filename: PIN.filename,
      loaded: 60,
      total: 100,
    });
    expect(state.files).toEqual([
      { filename: 'werkzeug-3.1.3-py3-none-any.whl', loaded: 0, total: null, state: 'cached' },
      { filename: PIN.filename, loaded: 60, total: 100, state: 'downloading' },
    ]);
    state = progressed(state, { stage: 'verified', filename: PIN.filename, fromCache: false });
    expect(state.files[1]).toEqual({
      filename: PIN.filename,
      loaded: 100,
      total: 100,
      state: 'downloaded',
    });
    state = prepared(state, 'k', { pins: [PIN] });
    expect(state.phase).toBe('ready');
    expect(packageStatusText(state)).toBeNull();
  });

  it('counts the files a lock names, and shows the engine’s own words over its own', () => {
    let state = preparing(NO_PACKAGES, 'k', 7);
    state = progressed(state, {
      stage: 'downloading',
      filename: 'markup_safe-3.0.2-py3-none-any.whl',
      loaded: 0,
      total: null,
    });
    expect(packageStatusText(state)).toBe('Installing markup-safe 3.0.2… (1 of 7)');
    expect(packageStatusText({ ...state, engineNote: 'Preparing Python with flask…' })).toBe(
      'Preparing Python with flask…',
    );
    expect(wheelLabel('odd.whl')).toBe('odd');
  });

  it('keeps the outcome of an older preparation off a newer one', () => {
    const newer = preparing(preparing(NO_PACKAGES, 'old', null), 'new', null);
    const error = { kind: 'offline' as const, message: 'Offline.' };
    expect(prepared(newer, 'old', { error })).toBe(newer);
    expect(prepared(newer, 'new', { error })).toMatchObject({ phase: 'failed', error });
  });
});
