import type { HttpRequest, Settings } from '../trace/schema.ts';

/** Defaults of every setting; the Python side has the same (a test checks they agree). */
export const DEFAULT_SETTINGS: Settings = {
  personality: 'http',
  httpVersion: '1.1',
  scriptName: '',
  urlScheme: 'http',
  multithread: false,
  multiprocess: false,
  runOnce: false,
  callable: '',
  filename: 'app.py',
  maxEvents: 250_000,
  maxWireBytes: 4 * 1024 * 1024,
  previewBytes: 256,
  compareValidate: false,
  maxRecursion: 1000,
};

/** What one run needs: the app's code, the request, and any settings that differ. */
export interface RunInput {
  code: string;
  request: HttpRequest;
  settings?: Partial<Settings>;
}

/** The job the Python bridge receives: a run input with every setting filled in. */
export interface RunJob {
  code: string;
  request: HttpRequest;
  settings: Settings;
}

/** Fill in the defaults of a run input. */
export function toRunJob(input: RunInput): RunJob {
  return {
    code: input.code,
    request: input.request,
    settings: { ...DEFAULT_SETTINGS, ...input.settings },
  };
}
