import {
  EMPTY_BODY,
  row,
  singleFileProject,
  type Project,
  type RequestDraft,
} from '../../src/index.ts';
import source from './defaultExample.py?raw';

/** The app shown on a first visit: a hello-world that greets `name` from the query string. */
export const DEFAULT_CODE: string = source;

/** The default app as a project: the one file `app.py`. */
export const DEFAULT_PROJECT: Project = singleFileProject(DEFAULT_CODE);

/** The request sent to the default app on a first visit. */
export const DEFAULT_REQUEST: RequestDraft = {
  method: 'GET',
  target: '/hello?name=World',
  headers: [row('Host', 'localhost:8000')],
  body: EMPTY_BODY,
};
