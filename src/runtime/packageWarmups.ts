/**
 * Throwaway apps run on a package set's image before it is made, one per framework it
 * imports. A framework's first request in a fresh interpreter is slow (Flask's: ~90 ms against
 * 8 ms for the next one — CPython specialises the bytecode it runs, and the framework fills
 * its caches); the image keeps that state, so every run restored from it starts warm. The apps
 * are ours and the same every time, so every interpreter a run gets is in the same state.
 *
 * Django is left out: its settings are process-wide, and a configured image would refuse the
 * person's own `settings.configure()`.
 */
import type { HttpRequest } from '../trace/schema.ts';

/** A warm-up: the app's code (its module is `app`) and the requests it is run with. */
export interface Warmup {
  code: string;
  targets: string[];
}

/** The warm-up of each framework, by the module that names it. */
export const PACKAGE_WARMUPS: Readonly<Record<string, Warmup>> = {
  flask: {
    code: `from flask import Flask, request

app = Flask(__name__)


@app.route('/')
def index():
    return {'q': request.args.get('q', '')}
`,
    targets: ['/?q=1', '/missing'],
  },
  bottle: {
    code: `import bottle

app = bottle.Bottle()


@app.route('/')
def index():
    return {'q': bottle.request.query.q}
`,
    targets: ['/?q=1', '/missing'],
  },
  falcon: {
    code: `import falcon


class Index:
    def on_get(self, req, resp):
        resp.media = {'q': req.get_param('q')}


app = falcon.App()
app.add_route('/', Index())
`,
    targets: ['/?q=1', '/missing'],
  },
};

/** The warm-up runs for `imports`: each an app and a GET request. */
export function warmupsFor(imports: readonly string[]): { code: string; request: HttpRequest }[] {
  return imports.flatMap((name) => {
    const warmup = PACKAGE_WARMUPS[name];
    if (!warmup) return [];
    return warmup.targets.map((target) => ({
      code: warmup.code,
      request: { method: 'GET', target, headers: [['Host', 'localhost']], bodyBase64: '' },
    }));
  });
}
