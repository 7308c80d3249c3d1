/**
 * The same server object on a native CPython (`wsgi-playground trace --python PATH`): a
 * project's own virtualenv, with any package it has, C extensions included. The server's
 * modules are written to a fresh folder, the job goes in on stdin, and the Trace comes back in
 * a file (an app may write to the process's stdout as it likes). One process per run: nothing
 * of one run is left for the next.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Trace } from '../trace/schema.ts';
import { traceFromJson } from './engine.ts';
import { SERVER_SOURCES } from './pythonSources.ts';
import { toRunJob, type RunInput } from './runInput.ts';

/** What the interpreter runs: the bridge, the job from stdin, the Trace into argv[2]. */
const MAIN = [
  'import sys',
  'sys.path.insert(0, sys.argv[1])',
  'from wsgi_playground.bridge import run_json',
  'result = run_json(sys.stdin.read())',
  'with open(sys.argv[2], "w", encoding="utf-8") as handle:',
  '    handle.write(result)',
].join('\n');

/** How long a native run may take before it is stopped. */
export const NATIVE_TIME_LIMIT_MS = 120_000;

/** Run `input` on the CPython at `python`; an Error says what went wrong when it could not. */
export async function runOnNativePython(python: string, input: RunInput): Promise<Trace> {
  const folder = mkdtempSync(join(tmpdir(), 'wsgi-native-'));
  try {
    mkdirSync(join(folder, 'wsgi_playground'));
    for (const { name, text } of SERVER_SOURCES)
      writeFileSync(join(folder, 'wsgi_playground', name), text);
    const output = join(folder, 'trace.json');
    const { code, stderr } = await runProcess(
      python,
      ['-c', MAIN, folder, output],
      JSON.stringify(toRunJob(input)),
    );
    if (code !== 0) {
      const tail = stderr.trim().split('\n').slice(-3).join('\n');
      throw new Error(`${python} could not run the server object (exit ${code}): ${tail}`);
    }
    return traceFromJson(readFileSync(output, 'utf8'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runProcess(
  command: string,
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), NATIVE_TIME_LIMIT_MS);
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    child.stdin.end(stdin);
  });
}
