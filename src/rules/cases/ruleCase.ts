/** Test data for the rules: for each rule, an app that triggers it and one that is clean. */

import type { WheelSpec } from '../../packages/buildWheel.testing.ts';
import type { Settings } from '../../trace/schema.ts';

/** An app and the request it serves (and settings, e.g. a client fault). */
export interface CaseApp {
  code: string;
  settings?: Partial<Settings>;
  method?: string;
  target?: string;
  headers?: [string, string][];
  body?: string;
  /** Packages installed first (built as wheels), for a framework's own behaviour. */
  wheels?: WheelSpec[];
}

/** A rule's pair of apps. */
export interface RuleCase {
  rule: string;
  trigger: CaseApp;
  clean: CaseApp;
}

/** Python source from lines (keeps the cases readable). */
export const py = (...lines: string[]): string => lines.join('\n') + '\n';

/** `def application(environ, start_response):` followed by the given body lines. */
export const app = (...body: string[]): string =>
  py('def application(environ, start_response):', ...body.map((line) => `    ${line}`));

/** The usual clean start: 200 with a Content-Type. */
export const START = 'start_response("200 OK", [("Content-Type", "text/plain")])';
