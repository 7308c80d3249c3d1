/**
 * A standalone Python script that reproduces a run on a local CPython with only the standard
 * library: the project's files (written to a temporary directory and imported from it, as
 * gunicorn would), the request, the playground's own environ builder, and plain
 * `wsgiref.handlers.SimpleHandler` — so it writes the same wire bytes as the playground
 * (the `Date` header aside), exactly as `wsgi_playground/reference.py` does.
 */
import environBuilderSource from '../python/wsgi_playground/environ_builder.py?raw';
import settingsSource from '../python/wsgi_playground/settings.py?raw';
import { DEFAULT_SETTINGS } from '../runtime/runInput.ts';
import { fromBase64 } from '../trace/bytes.ts';
import type { Project } from '../project/project.ts';
import type { HttpRequest, Settings, Trace } from '../trace/schema.ts';
import { pyBytes, pyStr, pyValue } from './pythonLiteral.ts';
import { PROJECT_LOADER, pyProject, pySection } from './pythonProject.ts';

/** What the script reproduces. */
export interface PythonScriptInput {
  project: Project;
  request: HttpRequest;
  /** The settings of the run (the script lists those that differ from the defaults). */
  settings: Partial<Settings>;
  /**
   * The server's name as the playground announced it (`SERVER_SOFTWARE`, the `Server`
   * header), so that a different local CPython version still writes the same bytes.
   */
  serverSoftware?: string | null;
  /** Where the run came from (a share link), for the script's docstring. */
  sourceUrl?: string;
}

/** The settings the script passes on: those that change what the server does or sends (the
 * project's entry replaces `filename` and `callable`). */
const SCRIPT_SETTINGS = [
  'personality',
  'httpVersion',
  'scriptName',
  'urlScheme',
  'multithread',
  'multiprocess',
  'runOnce',
] as const;

/** The name the playground's server gave itself in a run, if the app saw it. */
export function serverSoftwareOf(trace: Trace): string | null {
  return trace.environ.find((entry) => entry.key === 'SERVER_SOFTWARE')?.value ?? null;
}

function headerLines(headers: [string, string][]): string {
  if (headers.length === 0) return '[]';
  return `[\n${headers.map(([n, v]) => `        (${pyStr(n)}, ${pyStr(v)}),`).join('\n')}\n    ]`;
}

/**
 * The script's text. Run it as `python3 wsgi_run.py > response.bin`; `--environ` also shows the
 * environ the app received (on stderr, where the app's own output goes too).
 */
export function toPythonScript(input: PythonScriptInput): string {
  const settings: Record<string, unknown> = {};
  for (const key of SCRIPT_SETTINGS) {
    const value = input.settings[key];
    if (value !== undefined && value !== DEFAULT_SETTINGS[key]) settings[key] = value;
  }
  const { method, target, headers } = input.request;
  // Plain SimpleHandler names no server; if the playground's did, this one says the same.
  const software = input.serverSoftware
    ? `\n# The server's name in the playground (Server: and SERVER_SOFTWARE).\nReferenceHandler.server_software = ${pyStr(input.serverSoftware)}\n`
    : '';
  return `#!/usr/bin/env python3
"""Reproduce a WSGI Playground run on your own CPython, with only the standard library.

The app's files below are written to a temporary directory, which goes first on sys.path, and
its entry is imported from there as gunicorn would. It serves the recorded request through
wsgiref.handlers.SimpleHandler, the reference server of PEP 3333 that the playground's tracer is
built on, and the response is written to stdout exactly as a client would receive it: status
line, headers, body.

    python3 wsgi_run.py > response.bin    # the response bytes
    python3 wsgi_run.py --environ         # also show the environ the app received (stderr)

The app's print() output and the server's error log go to stderr.${input.sourceUrl ? `\nThe run: ${input.sourceUrl}` : ''}
"""

import io
import sys
from wsgiref.handlers import SimpleHandler

# -- the run ---------------------------------------------------------------------------------

${pyProject(input.project)}

REQUEST = {
    "method": ${pyStr(method)},
    "target": ${pyStr(target)},
    "headers": ${headerLines(headers)},
    "body": ${pyBytes(fromBase64(input.request.bodyBase64))},
}

#: The settings that differ from the defaults below.
SETTINGS = ${pyValue(settings)}

${pySection('wsgi_playground/settings.py', 'the defaults', settingsSource)}


${pySection('wsgi_playground/environ_builder.py', 'the request -> the CGI environ', environBuilderSource)}


${PROJECT_LOADER}

# -- the server: plain wsgiref, as wsgi_playground/reference.py runs it -----------------------


class ReferenceHandler(SimpleHandler):
    """\`\`SimpleHandler\`\` with an environ that is the request's alone (not this process's)."""

    os_environ = {}

${software}


def show_environ(application):
    """Wrap \`\`application\`\` so that the environ it receives is printed to stderr."""

    def wrapper(environ, start_response):
        for key, value in sorted(environ.items()):
            print("%s = %r" % (key, value), file=sys.stderr)
        print(file=sys.stderr)
        return application(environ, start_response)

    return wrapper


def main(argv):
    """Serve REQUEST with the app of FILES and ENTRY; write the response bytes to stdout."""
    settings = resolve_settings(SETTINGS)
    try:
        cgi_environ, notes = build_cgi_environ(REQUEST, settings)
    except RequestError as error:
        print("Bad request: %s" % error, file=sys.stderr)
        return 2
    for note in notes:
        print("Note: %s" % note, file=sys.stderr)
    wire = sys.stdout.buffer
    # The app's print() must not mix with the response bytes on stdout.
    sys.stdout = sys.stderr
    with ProjectDir(Project(FILES, ENTRY)) as directory:
        entry_file = directory.project.entry_file
        try:
            _, application = load_application(directory)
        except LoadError as error:
            file, line = error.info.get("file"), error.info.get("line")
            where = " (%s, line %d)" % (file or entry_file, line) if line else ""
            print("%s: %s%s" % (error.outcome, error, where), file=sys.stderr)
            return 1
        return serve(application, cgi_environ, settings, wire, argv)


def serve(application, cgi_environ, settings, wire, argv):
    """Serve REQUEST to \`\`application\`\` through plain wsgiref; the bytes go to \`\`wire\`\`."""
    if "--environ" in argv:
        application = show_environ(application)
    handler = ReferenceHandler(
        io.BytesIO(REQUEST["body"]),
        wire,
        sys.stderr,
        cgi_environ,
        multithread=settings["multithread"],
        multiprocess=settings["multiprocess"],
    )
    handler.origin_server = settings["personality"] == "http"
    handler.http_version = settings["httpVersion"]
    handler.wsgi_run_once = settings["runOnce"]
    handler.run(application)
    wire.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
`;
}
