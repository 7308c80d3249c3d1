import { singleFileProject, type Project } from '../project/project.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import type { WheelFile } from './installWheels.ts';
import type { PackageSet } from './packageSet.ts';

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
  disconnectAfter: null,
  shortBody: null,
  slowClient: null,
  serverPort: null,
  clientPort: null,
};

/** What one run needs: the app (one file's code, or a project), the request, and any settings
 * that differ. One file is named `settings.filename` and entered at `settings.callable`. */
export type RunInput = (
  { code: string; project?: undefined } | { project: Project; code?: undefined }
) & {
  request: HttpRequest;
  settings?: Partial<Settings>;
  /** Wheel files installed into the run's interpreter before its app loads (Node engine). */
  wheels?: readonly WheelFile[];
  /** The packages the run installs, verified by the page (browser engine: from their image). */
  packages?: PackageSet;
};

/** The job the Python bridge receives: the project, the request, and every setting. */
export interface RunJob {
  files: Record<string, string>;
  /** gunicorn's `module:callable`; a module alone looks for `application`, then `app`. */
  entry: string;
  request: HttpRequest;
  settings: Settings;
}

/** Fill in the defaults of a run input; one file becomes a project of one file. */
export function toRunJob(input: RunInput): RunJob {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const project =
    input.project ?? singleFileProject(input.code, settings.filename, settings.callable);
  return { files: project.files, entry: project.entry, request: input.request, settings };
}
