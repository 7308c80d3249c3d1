/**
 * The command-line entry: `wsgi-playground trace APP.py|MODULE:CALLABLE [options]`.
 * Everything it touches (files, output) is passed in, so tests can drive it.
 */
import { readdirSync } from 'node:fs';
import { runRules } from '../rules/index.ts';
import type { Finding } from '../rules/types.ts';
import { runOnNativePython } from '../runtime/nativePython.ts';
import { createNodeEngine } from '../runtime/nodeEngine.ts';
import { parseCommand, USAGE, type FailOn, type ReadFile } from './args.ts';
import { formatTraceText, traceToCliJson } from './formatText.ts';
import { packagesFor } from './installPackages.ts';
import { loadProject } from './loadProject.ts';
import type { FolderEntry } from './projectFolder.ts';

/** The world the CLI runs in. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: ReadFile;
  /** A folder's entries (default: this machine's, links not followed). */
  readDir?: (path: string) => FolderEntry[];
}

/** A folder's entries on this machine; a symbolic link is `other` (it is not followed). */
export function readDirOfNode(path: string): FolderEntry[] {
  return readdirSync(path, { withFileTypes: true }).map((entry) => ({
    name: entry.name,
    kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other',
  }));
}

/** Does a finding at or above the `--fail-on` severity exist? */
export function failsOn(findings: readonly Finding[], failOn: FailOn | null): boolean {
  if (failOn === null) return false;
  const worst = failOn === 'error' ? ['error'] : ['error', 'warning'];
  return findings.some((finding) => worst.includes(finding.severity));
}

/**
 * Run the CLI; returns the exit status: 0 ok, 1 a finding at or above `--fail-on`,
 * 2 usage or input error.
 */
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
  const loaded = loadProject(
    { readFile: io.readFile, readDir: io.readDir ?? readDirOfNode },
    command.app,
  );
  if ('error' in loaded) {
    io.stderr(`wsgi-playground: ${loaded.error}\n`);
    return 2;
  }
  for (const note of loaded.notes) io.stderr(`wsgi-playground: ${note}\n`);
  const readDir = io.readDir ?? readDirOfNode;
  const plan = await packagesFor(command.packages, { readFile: io.readFile, readDir });
  if ('error' in plan) {
    io.stderr(`wsgi-playground: ${plan.error}\n`);
    return 2;
  }
  const input = { ...command.input, project: loaded.project };
  let trace;
  if (command.packages.python) {
    try {
      trace = await runOnNativePython(command.packages.python, input);
    } catch (error) {
      io.stderr(`wsgi-playground: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    const engine = await createNodeEngine({ standby: false });
    trace = await engine.run({ ...input, wheels: plan.wheels });
  }
  const findings = runRules(trace);
  io.stdout(
    command.json
      ? traceToCliJson(trace, findings, plan.pins) + '\n'
      : formatTraceText(trace, findings, plan.pins),
  );
  return failsOn(findings, command.failOn) ? 1 : 0;
}
