/**
 * The servers a run can be served by, as a person reads about them: a short name, what the
 * model is, and which `wsgi.*` flags the server decides itself (a setting cannot change them).
 */
import { SERVER_RELEASES } from '../trace/personalityNames.ts';
import type { Settings } from '../trace/schema.ts';

export { isModelledServer } from '../trace/personalityNames.ts';

/** Who serves a run (`settings.personality`). */
export type Personality = Settings['personality'];

/** A `wsgi.*` flag a person can set in the request builder. */
export type ServerFlag = 'multithread' | 'multiprocess' | 'runOnce';

/** What the UI says about one server. */
export interface PersonalityText {
  /** The radio's label and the picker's name: `gunicorn 20.1.0`. */
  label: string;
  /** One sentence: what it is, and how it is checked. */
  title: string;
}

/** The servers in the order the settings offer them; each is named for what it is. */
export const PERSONALITY_NAMES: Readonly<Record<Personality, PersonalityText>> = {
  http: {
    label: 'HTTP origin server',
    title:
      "CPython's wsgiref.handlers.SimpleHandler as an origin server: status line, then headers and body",
  },
  cgi: {
    label: 'CGI gateway',
    title: "CPython's wsgiref as a CGI gateway: a Status: header instead of a status line",
  },
  gunicorn: {
    label: `gunicorn ${SERVER_RELEASES.gunicorn}`,
    title: `Modelled on gunicorn ${SERVER_RELEASES.gunicorn}'s sync worker (gunicorn/http/wsgi.py Response), checked byte for byte against the real server`,
  },
  waitress: {
    label: `waitress ${SERVER_RELEASES.waitress}`,
    title: `Modelled on waitress ${SERVER_RELEASES.waitress}'s WSGITask (waitress/task.py), checked byte for byte against the real server`,
  },
};

/** The short name of the server a side of a comparison runs under: `wsgiref`, `gunicorn`. */
export function serverName(personality: Personality): string {
  if (personality === 'http') return 'wsgiref';
  if (personality === 'cgi') return 'wsgiref (CGI)';
  return PERSONALITY_NAMES[personality].label;
}

/** A flag the server sets itself: its value there, and why. */
export interface FixedFlag {
  value: boolean;
  why: string;
}

const FIXED_FLAGS: Readonly<Record<Personality, Partial<Record<ServerFlag, FixedFlag>>>> = {
  http: {},
  cgi: {},
  gunicorn: {
    multithread: { value: false, why: 'a sync worker serves one request at a time' },
    runOnce: { value: false, why: 'a worker serves many requests' },
  },
  waitress: {
    multithread: { value: true, why: 'waitress serves requests from a pool of threads' },
    multiprocess: { value: false, why: 'waitress runs in one process' },
    runOnce: { value: false, why: 'the process serves many requests' },
  },
};

/**
 * The flag `flag` as the server `personality` sets it, whatever the setting says, or null when
 * the setting decides it.
 *
 * @example
 * fixedFlag('waitress', 'multithread') // { value: true, why: 'waitress serves requests from…' }
 * fixedFlag('http', 'multithread') // null
 */
export function fixedFlag(personality: Personality, flag: ServerFlag): FixedFlag | null {
  return FIXED_FLAGS[personality][flag] ?? null;
}

const FLAG_NAMES: Readonly<Record<ServerFlag, string>> = {
  multithread: 'wsgi.multithread',
  multiprocess: 'wsgi.multiprocess',
  runOnce: 'wsgi.run_once',
};

/**
 * One line on the flags the server sets itself, or null when the settings decide them all.
 *
 * @example
 * fixedFlagsNote('gunicorn')
 * // 'Set by gunicorn 20.1.0: wsgi.multithread False (a sync worker serves …); wsgi.run_once False (…).'
 */
export function fixedFlagsNote(personality: Personality): string | null {
  const parts = (Object.keys(FLAG_NAMES) as ServerFlag[]).flatMap((flag) => {
    const fixed = fixedFlag(personality, flag);
    return fixed ? [`${FLAG_NAMES[flag]} ${fixed.value ? 'True' : 'False'} (${fixed.why})`] : [];
  });
  if (parts.length === 0) return null;
  return `Set by ${PERSONALITY_NAMES[personality].label}: ${parts.join('; ')}.`;
}
