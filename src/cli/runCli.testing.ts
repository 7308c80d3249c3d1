/** Run the CLI in this process, as the tests do: its exit status and what it printed. */
import { readFileSync } from 'node:fs';
import { main } from './main.ts';

/** `wsgi-playground trace ARGV…`, with this machine's files. */
export async function runTrace(
  ...argv: string[]
): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(['trace', ...argv], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readFile: (path) => readFileSync(path),
  });
  return { status, out, err };
}
