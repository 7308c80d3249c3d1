/**
 * What an example of the gallery is: its chapter, the request it is run with and the findings
 * it must produce. Apart from gallery.ts so that the tables of examples (gallery.ts and
 * bugExamples.ts) can share `ExampleSpec` without importing each other.
 */

import { singleFileProject, type Project } from '../project/project.ts';
import type { Settings } from '../trace/schema.ts';

/** The chapters of the course, in order. */
export const EXAMPLE_GROUPS = [
  { id: 'hello', title: 'Hello, world' },
  { id: 'environ', title: 'The environ' },
  { id: 'start-response', title: 'start_response' },
  { id: 'iterables', title: 'Iterables and laziness' },
  { id: 'generators', title: 'Generators' },
  { id: 'write', title: 'The write() callable' },
  { id: 'errors', title: 'exc_info and error handling' },
  { id: 'input', title: 'wsgi.input and forms' },
  { id: 'streaming', title: 'Streaming' },
  { id: 'content-length', title: 'Content-Length' },
  { id: 'close', title: 'close() and cleanup' },
  { id: 'middleware', title: 'Middleware' },
  { id: 'file-wrapper', title: 'wsgi.file_wrapper' },
  { id: 'bugs', title: 'Real-world ordering bugs' },
  { id: 'debugging', title: 'Debugging' },
  { id: 'frameworks', title: 'Frameworks' },
] as const;

/** The id of a chapter. */
export type ExampleGroupId = (typeof EXAMPLE_GROUPS)[number]['id'];

/** The request an example is run with: what a person would type (the body as text). */
export interface ExampleRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body: string;
}

/** One example of the gallery. */
export interface Example {
  /** Stable kebab-case id; the file is `apps/<id with underscores>.py`. */
  id: string;
  title: string;
  group: ExampleGroupId;
  /** 2–4 sentences: what the example shows and what to look at in the timeline. */
  explanation: string;
  request: ExampleRequest;
  /** The ids of the rules it must trigger, exactly. */
  expectedFindings: string[];
  /** The app's source (for a project: its entry file's). */
  code: string;
  /** A project of several files (`code` is then its entry file's text), with its entry. */
  project?: Project;
  /** Settings it runs under beside the defaults (a client fault, for the debugging chapter). */
  settings?: Partial<Settings>;
  /** The id of the example this one fixes: the gallery offers the two compared. */
  compareWith?: string;
  /** The project's requirements (PEP 508: `flask`, `django>=4.2`), installed before it runs. */
  requirements?: string[];
}

/** An example as written in the gallery's tables: its code and full request are filled in. */
export type ExampleSpec = Omit<Example, 'code' | 'request'> & { request?: Partial<ExampleRequest> };

/** The project an example loads: its files, or its one file as `app.py`. */
export function exampleProject(
  example: Pick<Example, 'code' | 'project' | 'requirements'>,
): Project {
  const project = example.project ?? singleFileProject(example.code);
  return example.requirements?.length
    ? { ...project, requirements: [...example.requirements] }
    : project;
}
