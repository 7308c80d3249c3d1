import { describe, expect, it } from 'vitest';
import { PERSONALITIES } from '../trace/schema.ts';
import {
  fixedFlag,
  fixedFlagsNote,
  isModelledServer,
  PERSONALITY_NAMES,
  serverName,
} from './serverPersonality.ts';

describe('PERSONALITY_NAMES', () => {
  it('names every personality the schema allows, the modelled ones with their release', () => {
    expect(Object.keys(PERSONALITY_NAMES)).toEqual([...PERSONALITIES]);
    expect(PERSONALITY_NAMES.gunicorn.label).toBe('gunicorn 20.1.0');
    expect(PERSONALITY_NAMES.waitress.label).toBe('waitress 2.1.2');
    expect(PERSONALITY_NAMES.gunicorn.title).toContain('checked byte for byte');
  });
});

describe('serverName', () => {
  it('calls wsgiref by its name, and a model by its release', () => {
    expect(serverName('http')).toBe('wsgiref');
    expect(serverName('cgi')).toBe('wsgiref (CGI)');
    expect(serverName('gunicorn')).toBe('gunicorn 20.1.0');
    expect(isModelledServer('waitress')).toBe(true);
    expect(isModelledServer('cgi')).toBe(false);
  });
});

describe('fixedFlag', () => {
  it('leaves every flag to the settings under wsgiref', () => {
    for (const flag of ['multithread', 'multiprocess', 'runOnce'] as const) {
      expect(fixedFlag('http', flag)).toBeNull();
      expect(fixedFlag('cgi', flag)).toBeNull();
    }
  });

  it('says what gunicorn and waitress set themselves, as their models do', () => {
    expect(fixedFlag('gunicorn', 'multithread')?.value).toBe(false);
    expect(fixedFlag('gunicorn', 'runOnce')?.value).toBe(false);
    // gunicorn's workers setting: wsgi.multiprocess follows it.
    expect(fixedFlag('gunicorn', 'multiprocess')).toBeNull();
    expect(fixedFlag('waitress', 'multithread')?.value).toBe(true);
    expect(fixedFlag('waitress', 'multiprocess')?.value).toBe(false);
    expect(fixedFlag('waitress', 'runOnce')?.value).toBe(false);
  });
});

describe('fixedFlagsNote', () => {
  it('says which flags the server sets, with their values, and nothing under wsgiref', () => {
    expect(fixedFlagsNote('http')).toBeNull();
    expect(fixedFlagsNote('gunicorn')).toBe(
      'Set by gunicorn 20.1.0: wsgi.multithread False (a sync worker serves one request at a time); wsgi.run_once False (a worker serves many requests).',
    );
    expect(fixedFlagsNote('waitress')).toMatch(/^Set by waitress 2\.1\.2: wsgi\.multithread True/);
  });
});
