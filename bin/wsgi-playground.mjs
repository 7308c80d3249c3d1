#!/usr/bin/env node
// The `wsgi-playground` command: runs the CLI that `npm install` built into dist-cli/.
import { existsSync, readFileSync } from 'node:fs';

const built = new URL('../dist-cli/cli.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error(
    'wsgi-playground: the CLI is not built yet; run `npm install` (or `npm run prepare`).',
  );
  process.exit(2);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
});
