import { EMPTY_BODY, row, type RequestDraft } from '../../src/index.ts';
import source from './defaultExample.py?raw';

/** The app shown on a first visit: a hello-world that greets `name` from the query string. */
export const DEFAULT_CODE: string = source;

/** The request sent to the default app on a first visit. */
export const DEFAULT_REQUEST: RequestDraft = {
  method: 'GET',
  target: '/hello?name=World',
  headers: [row('Host', 'localhost:8000')],
  body: EMPTY_BODY,
};
