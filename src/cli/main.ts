/**
 * The command-line entry: `wsgi-playground trace APP.py [options]`.
 * Everything it touches (files, output) is passed in, so tests can drive it.
 */
import { createNodeEngine } from '../runtime/nodeEngine.ts';
import { parseCommand, USAGE, type ReadFile } from './args.ts';
import { formatTraceText, traceToCliJson } from './formatText.ts';

/** The world the CLI runs in. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: ReadFile;
}

/** Run the CLI; returns the exit status (0 ok, 2 usage or input error). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const command = parseCommand(argv, io.readFile);
  if (command.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command.kind === 'error') {
    io.stderr(`wsgi-playground: ${command.message}\n\n${USAGE}`);
    return 2;
  }
  let code: string;
  try {
    code = new TextDecoder('utf-8', { fatal: true }).decode(io.readFile(command.appPath));
  } catch (error) {
    io.stderr(`wsgi-playground: cannot read ${command.appPath}: ${(error as Error).message}\n`);
    return 2;
  }
  const engine = await createNodeEngine();
  const trace = await engine.run({ ...command.input, code });
  io.stdout(command.json ? traceToCliJson(trace) + '\n' : formatTraceText(trace));
  return 0;
}
