import type { Trace } from '../../src/index.ts';

/** What stopped a run, said for a person: the error, where it is, and the source line. */
export interface RunProblem {
  text: string;
  /** `line 2, column 17`, or empty when the error has no place in the code. */
  where: string;
  /** The offending source line, with a caret under the column when it is known. */
  source?: string;
}

/** The source line as Python shows it in a traceback: dedented, a caret under `column`. */
function showSource(text: string, column: number | undefined): string {
  const line = text.replace(/\s+$/, '');
  const indent = line.length - line.trimStart().length;
  const code = line.trimStart();
  if (column === undefined || column - 1 < indent) return code;
  return `${code}\n${' '.repeat(column - 1 - indent)}^`;
}

/** "views.py, " for a place outside the entry file (which names no file), else "". */
const inFile = (file: string | undefined): string => (file === undefined ? '' : `${file}, `);

/** The problem that ended a run — its load/syntax error, else the app's first exception. */
export function runProblem(trace: Trace): RunProblem | null {
  const { error } = trace;
  if (error) {
    const column = error.column === undefined ? '' : `, column ${error.column}`;
    const problem: RunProblem = {
      text: error.type ? `${error.type}: ${error.message}` : error.message,
      where: error.line === undefined ? '' : `${inFile(error.file)}line ${error.line}${column}`,
    };
    if (error.text !== undefined) problem.source = showSource(error.text, error.column);
    return problem;
  }
  const exception = trace.events.find((event) => event.kind === 'exception');
  if (exception?.kind !== 'exception') return null;
  const problem: RunProblem = {
    text: `${exception.type}: ${exception.message}`,
    where: exception.line === undefined ? '' : `${inFile(exception.file)}line ${exception.line}`,
  };
  const frame = exception.traceback.at(-1);
  if (frame?.text) problem.source = showSource(frame.text, undefined);
  return problem;
}
