/**
 * What each server personality is, in words: wsgiref's two, and the real servers modelled
 * (by release, as `src/python/wsgi_playground/gunicorn_model.py` and `waitress_model.py` say).
 */
import type { Settings } from './schema.ts';

/** The servers modelled on a real one's response writer. */
export const MODELLED_SERVERS = ['gunicorn', 'waitress'] as const;

/** A modelled server's name. */
export type ModelledServer = (typeof MODELLED_SERVERS)[number];

/** The release each model follows (Debian 12's packages, which the fidelity tests run). */
export const SERVER_RELEASES: Record<ModelledServer, string> = {
  gunicorn: '20.1.0',
  waitress: '2.1.2',
};

/** True when the run was served by a model of a real server. */
export function isModelledServer(
  personality: Settings['personality'] | undefined,
): personality is ModelledServer {
  return (MODELLED_SERVERS as readonly string[]).includes(personality ?? '');
}

/** The personality in a few words: "gunicorn 20.1.0", "HTTP/1.1 origin server (wsgiref)". */
export function personalityName(settings: Pick<Settings, 'personality' | 'httpVersion'>): string {
  const { personality } = settings;
  if (isModelledServer(personality)) return `${personality} ${SERVER_RELEASES[personality]}`;
  if (personality === 'cgi') return 'CGI gateway (wsgiref)';
  return `HTTP/${settings.httpVersion} origin server (wsgiref)`;
}
