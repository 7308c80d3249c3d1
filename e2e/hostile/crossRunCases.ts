/**
 * Cross-run cases: hostile apps that, while they run, change something a later run could see —
 * the stdlib, the server's own modules and classes, builtins, `sys`, `os`, the file system, and
 * the worker's JavaScript globals through `import js` — and then serve a response normally (or
 * raise). After each, clean apps run in the same tab; their results must equal the same clean
 * apps' results in a fresh tab (see DESIGN.md, "The interpreter's life"). Also the ways a worker
 * can die or hang, after which the next run must work without a reload.
 */
import type { Page } from '@playwright/test';
import type { Outcome, Trace } from '../../src/index.ts';

/** A hostile app that mutates what later runs may share with it. */
export interface CrossRunCase {
  name: string;
  /** What the app changes, as a person would name it. */
  mutates: string;
  code: string;
}

/** A clean app whose result in a tab after a hostile run must equal its result in a fresh tab. */
export interface CleanApp {
  name: string;
  code: string;
  request: {
    method: string;
    target: string;
    headers: [string, string][];
    /** A raw body and its Content-Type; none when omitted. */
    body?: { text: string; contentType: string };
  };
}

/** A way for a worker to die or hang: the run must end in one of `outcomes`, with a message. */
export interface WorkerDeathCase {
  name: string;
  code: string;
  outcomes: Outcome[];
  /** Why the listed outcomes are the honest ones. */
  why: string;
  /** The time limit for this run (seconds), when the usual one is too short for it. */
  timeLimitS?: number;
}

/** Python source from an indented template literal: the first line break and the common
 * indentation removed. */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings.raw }, ...values).replace(/^\n/, '');
  const lines = text.split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The tail of most hostile apps: after the mutation, serve a plain response. */
const SERVE = py`
  def application(environ, start_response):
      start_response('200 OK', [('Content-Type', 'text/plain')])
      return [b'served normally']
`;

/** Python source of an app that a forged job or trace substitutes for the person's code. */
const FORGED_APP = JSON.stringify(
  "def application(environ, start_response):\n    start_response('200 OK', [('Content-Type', 'text/plain')])\n    return [b'forged by an earlier run']\n",
);

// --- The clean apps ----------------------------------------------------------------------

/** Raises through two of its own functions: a traceback with several frames and a cause. */
export const CLEAN_TRACEBACK: CleanApp = {
  name: 'raises through its own functions',
  code: py`
    """A clean app that fails: its traceback passes through two of its own functions."""


    def parse_amount(text):
        try:
            return int(text)
        except ValueError as error:
            raise LookupError('no amount in %r' % text) from error


    def total(items):
        return sum(parse_amount(item) for item in items)


    def application(environ, start_response):
        print('computing the total of', environ['PATH_INFO'])
        environ['wsgi.errors'].write('about to add up the order\n')
        amount = total(['1', '2', 'three'])
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return [b'%d' % amount]
  `,
  request: { method: 'GET', target: '/order/7', headers: [['Host', 'localhost']] },
};

/** Streams chunks after wsgiref refuses its hop-by-hop header; reads the body; uses the
 * stdlib the hostile apps rebind (json, base64, io, decimal, colorsys, len, isinstance). */
export const CLEAN_STREAM: CleanApp = {
  name: 'streams after a hop-by-hop header is refused',
  code: py`
    """A clean app that streams: wsgiref refuses its hop-by-hop header, then it yields chunks."""
    import base64
    import colorsys
    import decimal
    import io
    import json
    import sys


    def application(environ, start_response):
        body = environ['wsgi.input'].read(int(environ.get('CONTENT_LENGTH') or 0))
        refused = 'nothing was refused'
        try:
            start_response('200 OK', [('Content-Type', 'text/plain'), ('Connection', 'close')])
        except AssertionError as error:
            refused = str(error)
            start_response('200 OK', [('Content-Type', 'text/plain')], sys.exc_info())
        yield b'refused: %s\n' % refused.encode()
        yield b'body: %s (%d bytes)\n' % (body, len(body))
        yield json.dumps({'n': [1, 2], 'bytes': isinstance(body, bytes)}).encode() + b'\n'
        yield repr(json.loads('[1, {"a": null}]')).encode() + b'\n'
        yield base64.b64encode(body) + b' ' + base64.b64decode(b'aGk=') + b'\n'
        yield io.BytesIO(b'from BytesIO\n').read()
        yield str(decimal.Decimal(1) / decimal.Decimal(7)).encode() + b'\n'
        yield repr(colorsys.rgb_to_hsv(1.0, 0.5, 0.0)).encode() + b'\n'
  `,
  request: {
    method: 'POST',
    target: '/stream?x=1',
    headers: [['Host', 'localhost']],
    body: { text: 'name=World&x=1', contentType: 'application/x-www-form-urlencoded' },
  },
};

/** Reports, one fact a line, what an app can see of the interpreter and of its worker. */
export const CLEAN_PROBE: CleanApp = {
  name: 'reports what it sees of the interpreter',
  code: py`
    """A clean app that reports what it sees of the interpreter and its worker, a fact a line."""
    import base64
    import builtins
    import decimal
    import gc
    import io
    import json
    import linecache
    import os
    import random
    import sys
    import threading
    import time
    import traceback
    import warnings
    import wsgiref.handlers
    import wsgiref.headers
    import wsgiref.util

    import js

    HOOKS_AT_LOAD = (sys.gettrace(), sys.getprofile())
    # The first value random.random() gives after random.seed(0).
    SEED_0_FIRST = 0.8444218515250481
    JS_NAMES = ','.join([
        'JSON.stringify', 'JSON.parse', 'postMessage', 'MessagePort.prototype.postMessage',
        'MessagePort.prototype.addEventListener', 'performance.now', 'Atomics.store',
        'Atomics.load', 'Atomics.wait', 'Atomics.notify', 'setTimeout', 'clearTimeout',
        'setInterval', 'queueMicrotask', 'close', 'fetch', 'structuredClone', 'addEventListener',
        'Function.prototype.toString', 'Function.prototype.call', 'Object.defineProperty',
        'Array.prototype.push', 'Promise.prototype.then', 'WebAssembly.instantiate', 'Date.now',
        'Math.random', 'crypto.getRandomValues', 'TextDecoder.prototype.decode',
    ])
    NOT_NATIVE = js.eval("""(names) => names.split(',').filter((name) => {
      const value = name.split('.').reduce((o, key) => (o == null ? undefined : o[key]), globalThis);
      return !(typeof value === 'function' &&
               /\\[native code\\]\\s*\\}$/.test(Function.prototype.toString.call(value)));
    }).join(',')""")
    OWN_NAMES = js.eval("(o) => Object.getOwnPropertyNames(o).sort().join(',')")


    def attempt(function, *args):
        try:
            return function(*args)
        except BaseException as error:
            return '<%s: %s>' % (type(error).__name__, error)


    def describe(value):
        """What a value is, without addresses: type, module, name, code location, wrapping."""
        if value is None or type(value) in (str, int, float, bool, bytes, tuple, list, dict, set):
            return repr(value)
        name = getattr(value, '__qualname__', None) or getattr(value, '__name__', None)
        code = getattr(value, '__code__', None)
        where = '@%s:%s' % (os.path.basename(code.co_filename), code.co_firstlineno) if code else ''
        wrapped = ' (wraps)' if hasattr(value, '__wrapped__') else ''
        return '%s %s.%s%s%s' % (type(value).__name__, getattr(value, '__module__', None), name,
                                 where, wrapped)


    def class_facts(cls):
        skip = ('__dict__', '__weakref__', '__doc__')
        return ', '.join('%s=%s' % (key, describe(value))
                         for key, value in sorted(vars(cls).items()) if key not in skip)


    def module_facts(name):
        module = sys.modules.get(name)
        if module is None:
            return 'absent'
        return '%s %s %s' % (type(module).__name__, getattr(module, '__name__', None),
                             os.path.basename(str(getattr(module, '__file__', None))))


    def listing(path):
        return attempt(lambda: sorted(os.listdir(path)))


    def sizes(path):
        return attempt(lambda: sorted((name, os.stat(os.path.join(path, name)).st_size)
                                      for name in os.listdir(path) if name.endswith('.py')))


    def facts(handler):
        """(name, thunk) pairs: each fact is computed on its own, so one failure stays one line."""
        server_dir = os.path.dirname(getattr(sys.modules.get('wsgi_playground'), '__file__', '') or '')
        found = [
            ('recursion limit', sys.getrecursionlimit),
            ('trace and profile hooks at load', lambda: [describe(h) for h in HOOKS_AT_LOAD]),
            ('trace hook in the app', lambda: describe(sys.gettrace())),
            ('threading hooks', lambda: [describe(threading.gettrace()),
                                         describe(threading.getprofile())]),
            ('streams', lambda: [type(s).__name__ for s in (sys.stdout, sys.stderr)]),
            ('original streams', lambda: [describe(s) for s in (sys.__stdout__, sys.__stderr__)]),
            ('sys hooks', lambda: [describe(h) for h in (sys.excepthook, sys.unraisablehook,
                                                         sys.displayhook)]),
            ('meta path', lambda: [type(finder).__name__ for finder in sys.meta_path]),
            ('path hooks', lambda: [describe(hook) for hook in sys.path_hooks]),
            ('int max str digits', sys.get_int_max_str_digits),
            ('sys.path', lambda: sys.path),
            ('non-stdlib modules', lambda: sorted(
                name for name in sys.modules if name.split('.')[0] not in sys.stdlib_module_names)),
        ]
        for name in ('json', 'base64', 'io', 'linecache', 'traceback', 'wsgiref.handlers',
                     'wsgiref.headers', 'wsgiref.util', 'app', 'application',
                     '__main__'):
            found.append(('module ' + name, lambda name=name: module_facts(name)))
        found.append(('__main__ names', lambda: sorted(vars(sys.modules['__main__']))))
        found.append(('builtins names', lambda: sorted(vars(builtins))))
        for name in ('print', 'len', 'isinstance', '__import__', 'open', 'repr', 'iter', 'next',
                     'getattr', 'hasattr', 'compile', 'exec', 'sum', 'sorted'):
            found.append(('builtins.' + name, lambda name=name: describe(getattr(builtins, name))))
        for module, names in (
            (json, ('dumps', 'loads')), (base64, ('b64encode', 'b64decode')),
            (linecache, ('getline', 'getlines', 'checkcache', 'updatecache')),
            (traceback, ('format_exception', 'extract_tb', 'format_list', 'format_exception_only')),
            (time, ('perf_counter_ns', 'perf_counter', 'time')), (io, ('BytesIO', 'StringIO')),
            (random, ('random', 'seed')), (wsgiref.util, ('is_hop_by_hop',)),
            (wsgiref.handlers, ('format_date_time', 'is_hop_by_hop')),
        ):
            for name in names:
                found.append(('%s.%s' % (module.__name__, name),
                              lambda module=module, name=name: describe(getattr(module, name))))
        found += [
            ('linecache.cache type', lambda: type(linecache.cache).__name__),
            ('hop-by-hop names', lambda: sorted(wsgiref.util._hoppish.__self__)),
        ]
        for cls in (wsgiref.headers.Headers, wsgiref.handlers.BaseHandler,
                    wsgiref.handlers.SimpleHandler, type(handler)):
            found.append(('class ' + cls.__qualname__, lambda cls=cls: class_facts(cls)))
        found += [
            ('server class and its bases', lambda: [c.__qualname__ for c in type(handler).__mro__]),
            ('stdlib SimpleHandler is the server base',
             lambda: wsgiref.handlers.SimpleHandler in type(handler).__mro__),
            ('cwd', os.getcwd),
            ('cwd files', lambda: listing('.')),
            ('/home/pyodide files', lambda: listing('/home/pyodide')),
            ('/tmp files', lambda: listing('/tmp')),
            ('server files', lambda: sizes(server_dir)),
            ('os.environ', lambda: sorted(os.environ.items())),
            ('random seeded like seed(0)', lambda: random.random() == SEED_0_FIRST),
            ('gc', lambda: [gc.isenabled(), gc.get_threshold(), len(gc.callbacks),
                            gc.get_freeze_count(), gc.get_debug()]),
            ('threads', lambda: [threading.active_count(),
                                 [t.name for t in threading.enumerate()],
                                 threading.current_thread().name]),
            ('threading.excepthook', lambda: describe(threading.excepthook)),
            ('warnings filters', lambda: [(f[0], getattr(f[2], '__name__', f[2]))
                                          for f in warnings.filters]),
            ('decimal context', lambda: [decimal.getcontext().prec, decimal.getcontext().rounding,
                                         sorted(t.__name__ for t, on
                                                in decimal.getcontext().traps.items() if on)]),
            ('JS functions not native', lambda: NOT_NATIVE(JS_NAMES)),
            ('JS Object.prototype', lambda: OWN_NAMES(js.Object.prototype)),
            ('JS Array.prototype', lambda: OWN_NAMES(js.Array.prototype)),
            ('JS globals', lambda: OWN_NAMES(js.globalThis)),
            ('JS onmessage', lambda: js.eval('typeof onmessage')),
        ]
        return found


    def application(environ, start_response):
        handler = getattr(start_response, '__self__', None)
        lines = ['%s: %s\n' % (name, attempt(thunk)) for name, thunk in facts(handler)]
        start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8')])
        return [''.join(lines).encode('utf-8', 'backslashreplace')]
  `,
  request: { method: 'GET', target: '/probe', headers: [['Host', 'localhost']] },
};

// --- The cross-run cases -----------------------------------------------------------------

export const CROSS_RUN_CASES: CrossRunCase[] = [
  // The stdlib functions the bridge and the server call.
  {
    name: 'rebinds json.dumps',
    mutates: 'json.dumps',
    code:
      py`
      import json
      json.dumps = lambda value, *args, **kwargs: '{"forged": true}'
    ` + SERVE,
  },
  {
    name: 'rebinds json.loads to forge every later job',
    mutates: 'json.loads',
    code:
      py`
      import json
      real_loads = json.loads
      FORGED = ${FORGED_APP}


      def loads(text, *args, **kwargs):
          value = real_loads(text, *args, **kwargs)
          if isinstance(value, dict) and 'code' in value:
              value['code'] = FORGED
          return value


      json.loads = loads
    ` + SERVE,
  },
  {
    name: 'rebinds base64.b64encode',
    mutates: 'base64.b64encode',
    code:
      py`
      import base64
      base64.b64encode = lambda data, altchars=None: b'Zm9yZ2Vk'
    ` + SERVE,
  },
  {
    name: 'rebinds base64.b64decode',
    mutates: 'base64.b64decode',
    code:
      py`
      import base64
      base64.b64decode = lambda data, *args, **kwargs: b'a request body forged by an earlier run'
    ` + SERVE,
  },
  // The server's own modules.
  {
    name: "wraps the bridge's run_json to return a forged trace",
    mutates: 'wsgi_playground.bridge.run_json',
    code:
      py`
      import json
      import wsgi_playground.bridge as bridge

      real_run_json, dumps, loads = bridge.run_json, json.dumps, json.loads


      def run_json(text):
          trace = loads(real_run_json(text))
          trace['response']['bodyBase64'] = 'Zm9yZ2VkIGJvZHk='
          trace['notes'].append('forged by an earlier run')
          return dumps(trace)


      bridge.run_json = run_json
    ` + SERVE,
  },
  {
    name: 'wraps run_trace where the bridge finds it',
    mutates: 'wsgi_playground.run_trace.run_trace (and the bridge’s reference to it)',
    code:
      py`
      import sys

      import wsgi_playground.bridge as bridge

      module = sys.modules['wsgi_playground.run_trace']
      real_run_trace = module.run_trace


      def run_trace(code, request, settings=None, packed=False):
          trace = real_run_trace(code, request, settings, packed)
          trace['response']['headers'].append(['X-Forged', 'by run_trace'])
          trace['notes'].append('forged by an earlier run')
          return trace


      module.run_trace = bridge.run_trace = run_trace
    ` + SERVE,
  },
  {
    name: 'swaps the code of a server function in place',
    mutates: 'wsgi_playground.describe.safe_str.__code__',
    code:
      py`
      import wsgi_playground.describe as describe


      def forged(value):
          return 'a message forged by an earlier run'


      describe.safe_str.__code__ = forged.__code__
    ` + SERVE,
  },
  {
    name: "plants an environ entry in the server's handler class (reached via start_response)",
    mutates: 'type(start_response.__self__).os_environ (the dict, in place)',
    code: py`
      def application(environ, start_response):
          handler_class = type(start_response.__self__)
          handler_class.os_environ['HTTP_X_PLANTED'] = 'by an earlier run'
          start_response('200 OK', [('Content-Type', 'text/plain')])
          return [b'served normally']
    `,
  },
  // wsgiref's classes and module state.
  {
    name: 'patches wsgiref.headers.Headers.__bytes__',
    mutates: 'wsgiref.headers.Headers.__bytes__',
    code:
      py`
      from wsgiref.headers import Headers

      real_bytes = Headers.__bytes__
      Headers.__bytes__ = lambda self: real_bytes(self).replace(
          b'\r\n\r\n', b'\r\nX-Injected: by an earlier run\r\n\r\n')
    ` + SERVE,
  },
  {
    name: 'patches wsgiref.headers.Headers.__str__',
    mutates: 'wsgiref.headers.Headers.__str__',
    code:
      py`
      from wsgiref.headers import Headers

      Headers.__str__ = lambda self: ''.join(
          '%s: %s\r\n' % (name.upper(), value) for name, value in self._headers) + '\r\n'
    ` + SERVE,
  },
  {
    name: 'sets server_software and http_version on the wsgiref handler classes',
    mutates:
      'wsgiref.handlers.SimpleHandler.server_software, BaseHandler.http_version, BaseHandler.origin_server',
    code:
      py`
      from wsgiref.handlers import BaseHandler, SimpleHandler

      SimpleHandler.server_software = 'EvilServer/6.6'
      BaseHandler.http_version = '0.9'
      BaseHandler.origin_server = False
    ` + SERVE,
  },
  {
    name: 'replaces BaseHandler.send_preamble',
    mutates: 'wsgiref.handlers.BaseHandler.send_preamble',
    code:
      py`
      from wsgiref.handlers import BaseHandler


      def send_preamble(self):
          self._write(b'HTTP/1.1 299 Forged by an earlier run\r\n')


      BaseHandler.send_preamble = send_preamble
    ` + SERVE,
  },
  {
    name: 'makes every client look like HTTP/0.9',
    mutates: 'wsgiref.handlers.BaseHandler.client_is_modern',
    code:
      py`
      from wsgiref.handlers import BaseHandler

      BaseHandler.client_is_modern = lambda self: False
    ` + SERVE,
  },
  {
    name: "changes wsgiref's error response, partly in place",
    mutates:
      'wsgiref.handlers.BaseHandler.error_status, error_body, error_headers (in place), os_environ (in place)',
    code:
      py`
      from wsgiref.handlers import BaseHandler

      BaseHandler.error_status = '418 Forged'
      BaseHandler.error_body = b'an error page forged by an earlier run'
      BaseHandler.error_headers.append(('X-Forged', 'yes'))
      BaseHandler.os_environ['PLANTED'] = 'by an earlier run'
    ` + SERVE,
  },
  {
    name: "discards 'connection' from wsgiref's hop-by-hop set",
    mutates: 'the set behind wsgiref.util._hoppish (in place)',
    code:
      py`
      import wsgiref.util

      wsgiref.util._hoppish.__self__.discard('connection')
    ` + SERVE,
  },
  {
    name: 'injects a header through format_date_time',
    mutates: 'wsgiref.handlers.format_date_time',
    code:
      py`
      import wsgiref.handlers

      real_format = wsgiref.handlers.format_date_time
      wsgiref.handlers.format_date_time = lambda when: real_format(when) + '\r\nX-Injected: yes'
    ` + SERVE,
  },
  // What tracebacks are made of.
  {
    name: 'patches linecache.getline',
    mutates: 'linecache.getline',
    code:
      py`
      import linecache

      linecache.getline = lambda filename, lineno, module_globals=None: 'forged source line\n'
    ` + SERVE,
  },
  {
    name: 'replaces linecache.cache with a dict that forges the app’s lines',
    mutates: 'linecache.cache',
    code:
      py`
      import linecache


      class Cache(dict):
          def __setitem__(self, key, value):
              if key == 'app.py':
                  value = (value[0], None, ['# forged by an earlier run\n'] * 500, key)
              dict.__setitem__(self, key, value)


      linecache.cache = Cache(linecache.cache)
    ` + SERVE,
  },
  {
    name: 'patches traceback.format_exception',
    mutates: 'traceback.format_exception',
    code:
      py`
      import traceback

      traceback.format_exception = lambda *args, **kwargs: ['a log forged by an earlier run\n']
    ` + SERVE,
  },
  {
    name: 'patches traceback.extract_tb',
    mutates: 'traceback.extract_tb',
    code:
      py`
      import traceback

      FORGED = [('app.py', 1, 'forged', 'a frame forged by an earlier run')]
      traceback.extract_tb = lambda tb, limit=None: traceback.StackSummary.from_list(FORGED)
    ` + SERVE,
  },
  // sys.
  {
    name: 'sets the recursion limit to 50',
    mutates: 'sys.setrecursionlimit(50)',
    code: py`
      import sys


      def application(environ, start_response):
          sys.setrecursionlimit(50)
          start_response('200 OK', [('Content-Type', 'text/plain')])
          return [b'served normally']
    `,
  },
  {
    name: 'sets the recursion limit to 50 from a timer, after its run, and disables the setter',
    mutates: 'sys.setrecursionlimit (rebound) and the limit itself, from js.setTimeout',
    code:
      py`
      import sys

      import js
      from pyodide.ffi import create_once_callable


      def later():
          sys.setrecursionlimit(50)
          sys.setrecursionlimit = lambda limit: None


      js.setTimeout(create_once_callable(later), 0)
    ` + SERVE,
  },
  {
    name: 'installs a trace hook that raises in later apps',
    mutates: 'sys.settrace',
    code: py`
      import sys


      def hook(frame, event, arg):
          if event == 'call' and frame.f_code.co_filename == 'app.py':
              raise RuntimeError("raised by an earlier run's trace hook")
          return None


      def application(environ, start_response):
          start_response('200 OK', [('Content-Type', 'text/plain')])
          sys.settrace(hook)
          return [b'served normally']
    `,
  },
  {
    name: 'installs a profile hook that records every later call',
    mutates: 'sys.setprofile (at import, before the server installs its own)',
    code:
      py`
      import sys

      CALLS = []


      def hook(frame, event, arg):
          CALLS.append((frame.f_code.co_name, event))


      sys.setprofile(hook)
    ` + SERVE,
  },
  {
    name: "patches the server's print stream through sys.stdout and replaces sys.__stdout__",
    mutates: 'type(sys.stdout).write, sys.__stdout__, sys.__stderr__, sys.stdout, sys.stderr',
    code: py`
      import io
      import sys

      stream_class = type(sys.stdout)
      real_write = stream_class.write
      stream_class.write = lambda self, text: real_write(self, str(text).upper())
      sys.__stdout__, sys.__stderr__ = io.StringIO(), io.StringIO()


      def application(environ, start_response):
          sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
          start_response('200 OK', [('Content-Type', 'text/plain')])
          return [b'served normally']
    `,
  },
  {
    name: 'replaces sys.modules["json"] with a fake module',
    mutates: "sys.modules['json']",
    code:
      py`
      import sys
      import types

      fake = types.ModuleType('json')
      fake.dumps = lambda value, *args, **kwargs: '"forged json"'
      fake.loads = lambda text, *args, **kwargs: ['forged']
      sys.modules['json'] = fake
    ` + SERVE,
  },
  {
    name: 'deletes wsgiref.handlers from sys.modules',
    mutates: "sys.modules['wsgiref.handlers'], sys.modules['wsgiref.util']",
    code:
      py`
      import sys

      del sys.modules['wsgiref.handlers']
      del sys.modules['wsgiref.util']
    ` + SERVE,
  },
  {
    name: 'mangles sys.path in place to shadow a stdlib module',
    mutates: "sys.path (in place), sys.modules['colorsys'], a module file under /home/pyodide",
    code:
      py`
      import os
      import sys

      os.makedirs('/home/pyodide/planted', exist_ok=True)
      with open('/home/pyodide/planted/colorsys.py', 'w') as file:
          file.write('def rgb_to_hsv(r, g, b):\n    return ("forged by an earlier run",)\n')
      sys.path[:] = ['/home/pyodide/planted'] + [p for p in sys.path if not p.endswith('.zip')]
      sys.modules.pop('colorsys', None)
    ` + SERVE,
  },
  {
    name: 'replaces sys hooks and the import machinery',
    mutates: 'sys.excepthook, sys.unraisablehook, sys.displayhook, sys.meta_path, sys.path_hooks',
    code:
      py`
      import sys


      class Finder:
          def find_spec(self, name, path=None, target=None):
              return None


      sys.excepthook = sys.unraisablehook = sys.displayhook = lambda *args: None
      sys.meta_path.insert(0, Finder())
      sys.path_hooks.insert(0, lambda path: None)
    ` + SERVE,
  },
  // builtins.
  {
    name: 'replaces builtins.print with a no-op',
    mutates: 'builtins.print',
    code:
      py`
      import builtins

      builtins.print = lambda *args, **kwargs: None
    ` + SERVE,
  },
  {
    name: 'replaces builtins.len with one that miscounts bytes',
    mutates: 'builtins.len',
    code:
      py`
      import builtins

      real_len = len
      builtins.len = lambda value: real_len(value) + (1 if type(value) is bytes else 0)
    ` + SERVE,
  },
  {
    name: "replaces builtins.isinstance with one that denies 'text/plain' is a str",
    mutates: 'builtins.isinstance',
    code:
      py`
      import builtins

      real_isinstance = isinstance
      builtins.isinstance = lambda value, kind: (
          False if kind is str and value == 'text/plain' else real_isinstance(value, kind))
    ` + SERVE,
  },
  {
    name: 'replaces builtins.__import__ to hand out a fake urllib.parse',
    mutates: 'builtins.__import__',
    code:
      py`
      import builtins
      import types

      real_import = builtins.__import__
      fake = types.ModuleType('urllib.parse')
      fake.parse_qs = lambda query, *args, **kwargs: {'name': ['forged by an earlier run']}


      def forged_import(name, globals=None, locals=None, fromlist=(), level=0):
          if name == 'urllib.parse' and fromlist:
              return fake
          return real_import(name, globals, locals, fromlist, level)


      builtins.__import__ = forged_import
    ` + SERVE,
  },
  // os and the file system.
  {
    name: 'mutates os.environ',
    mutates: 'os.environ (set, changed and deleted keys)',
    code:
      py`
      import os

      os.environ['WSGI_PLANTED'] = 'by an earlier run'
      os.environ['PATH'] = '/planted'
      del os.environ['HOME']
    ` + SERVE,
  },
  {
    name: 'changes the working directory and leaves files behind',
    mutates: "os.chdir('/tmp'), files written in the working directory and under /home/pyodide",
    code:
      py`
      import os

      with open('/home/pyodide/planted.txt', 'w') as file:
          file.write('left by an earlier run')
      os.chdir('/tmp')
      with open('left-behind.txt', 'w') as file:
          file.write('left by an earlier run')
    ` + SERVE,
  },
  {
    name: "rewrites and deletes the server's source files on disk",
    mutates: 'files under /home/pyodide (the server package: one rewritten, one deleted)',
    code:
      py`
      import os
      import wsgi_playground.tracing_handler as handler_module
      import wsgi_playground.reference as reference_module

      with open(handler_module.__file__, 'w') as file:
          file.write('# rewritten by an earlier run\n' * 600)
      os.remove(reference_module.__file__)
    ` + SERVE,
  },
  // Other stdlib state.
  {
    name: 'seeds random with 0',
    mutates: 'random.seed(0) (the shared generator’s state)',
    code:
      py`
      import random

      random.seed(0)
    ` + SERVE,
  },
  {
    name: 'replaces time.perf_counter_ns and time.time',
    mutates: 'time.perf_counter_ns, time.time',
    code:
      py`
      import time

      time.perf_counter_ns = lambda: 0
      time.time = lambda: 0.0
    ` + SERVE,
  },
  {
    name: 'replaces io.BytesIO',
    mutates: 'io.BytesIO',
    code:
      py`
      import io

      RealBytesIO = io.BytesIO


      class ForgedBytesIO(RealBytesIO):
          def __init__(self, initial=b''):
              super().__init__(b'forged input; ' + bytes(initial))


      io.BytesIO = ForgedBytesIO
    ` + SERVE,
  },
  {
    name: "plants the app's own module names in sys.modules",
    mutates: "sys.modules['app'], sys.modules['application'], an attribute of __main__",
    code:
      py`
      import sys
      import types

      fake = types.ModuleType('app')
      fake.application = lambda environ, start_response: [b'forged']
      sys.modules['app'] = sys.modules['application'] = fake
      sys.modules['__main__'].planted_by_an_earlier_run = True
    ` + SERVE,
  },
  {
    name: 'turns the garbage collector odd',
    mutates: 'gc.disable(), gc.set_threshold, gc.callbacks, gc.freeze()',
    code:
      py`
      import gc

      gc.disable()
      gc.set_threshold(1, 1, 1)
      gc.callbacks.append(lambda phase, info: None)
      gc.freeze()
    ` + SERVE,
  },
  {
    name: 'renames the thread and sets threading hooks',
    mutates:
      'threading.current_thread().name, threading.excepthook, threading.settrace, threading.setprofile',
    code:
      py`
      import threading

      threading.current_thread().name = 'planted by an earlier run'
      threading.excepthook = lambda args: None
      threading.settrace(lambda frame, event, arg: None)
      threading.setprofile(lambda frame, event, arg: None)
    ` + SERVE,
  },
  {
    name: 'changes the decimal context, the warnings filters and the int digit limit',
    mutates: 'decimal.getcontext().prec, warnings.simplefilter, sys.set_int_max_str_digits',
    code:
      py`
      import decimal
      import sys
      import warnings

      decimal.getcontext().prec = 3
      warnings.simplefilter('error')
      sys.set_int_max_str_digits(640)
    ` + SERVE,
  },
  // The worker's JavaScript globals, through `import js`.
  {
    name: 'replaces JSON.stringify in the worker',
    mutates: 'js.JSON.stringify',
    code:
      py`
      import js

      js.JSON.stringify = js.eval("(value) => '{\"forged\": true}'")
    ` + SERVE,
  },
  {
    name: 'replaces JSON.parse in the worker',
    mutates: 'js.JSON.parse',
    code:
      py`
      import js

      js.JSON.parse = js.eval("(text) => ({ forged: true })")
    ` + SERVE,
  },
  {
    name: 'adds to Object.prototype in the worker (a toJSON that forges the job)',
    mutates: 'js.Object.prototype (toJSON, an enumerable property)',
    code:
      py`
      import js

      js.eval(r"""
        const forged = ${FORGED_APP};
        Object.prototype.toJSON = function () {
          return typeof this.code === 'string' ? { ...this, code: forged } : this;
        };
        Object.prototype.pollutedByAnEarlierRun = true;
      """)
    ` + SERVE,
  },
  {
    name: "replaces the worker's global postMessage",
    mutates: 'js.postMessage',
    code:
      py`
      import js

      js.postMessage = js.eval("(message) => undefined")
    ` + SERVE,
  },
  {
    name: 'wraps MessagePort.prototype.postMessage to forge every result',
    mutates: 'js.MessagePort.prototype.postMessage',
    code:
      py`
      import js

      js.eval(r"""
        const post = MessagePort.prototype.postMessage;
        MessagePort.prototype.postMessage = function (message, transfer) {
          if (message && message.type === 'result') {
            message = { ...message, traceJson: message.traceJson.replace(
              /"notes":\[(\]?)/,
              (all, empty) => '"notes":["forged by an earlier run"' + (empty ? ']' : ',')) };
          }
          return transfer === undefined ? post.call(this, message) : post.call(this, message, transfer);
        };
      """)
    ` + SERVE,
  },
  {
    name: 'replaces performance.now, after its run, with a clock that throws',
    mutates: 'js.performance.now (from js.setTimeout, once the run is over)',
    code:
      py`
      import js

      js.setTimeout(js.eval("""() => {
        performance.now = () => { throw new Error('no clock after an earlier run'); };
      }"""), 0)
    ` + SERVE,
  },
  {
    name: 'replaces Atomics.store so that every store raises the interrupt flag',
    mutates: 'js.Atomics.store',
    code:
      py`
      import js

      js.eval("""
        const store = Atomics.store;
        Atomics.store = (array, index, value) => store(array, index, 2);
      """)
    ` + SERVE,
  },
  {
    name: 'replaces setTimeout in the worker',
    mutates: 'js.setTimeout',
    code:
      py`
      import js

      js.setTimeout = js.eval("(callback, ms) => 0")
    ` + SERVE,
  },
];

// --- Ways a worker dies or hangs ---------------------------------------------------------

export const WORKER_DEATH_CASES: WorkerDeathCase[] = [
  {
    name: 'a JavaScript busy loop',
    code: py`
      import js


      def application(environ, start_response):
          js.eval('while (true) {}')
    `,
    outcomes: ['timeout'],
    why: "Python's interrupt cannot stop JavaScript: the time limit must replace the worker.",
  },
  {
    name: 'the worker closes itself',
    code: py`
      import js


      def application(environ, start_response):
          js.close()
          start_response('200 OK', [('Content-Type', 'text/plain')])
          return [b'the worker closed itself']
    `,
    outcomes: ['complete', 'crash'],
    why: 'close() lets the current task finish, so the response may still arrive; the worker is gone after it.',
  },
  {
    name: 'the worker closes itself, then Python loops',
    code: py`
      import js


      def application(environ, start_response):
          js.close()
          while True:
              pass
    `,
    outcomes: ['timeout', 'crash'],
    why: 'The loop runs past the time limit in a worker that has already closed itself.',
  },
  {
    name: 'a JavaScript busy loop scheduled to start after the run',
    code: py`
      import js


      def application(environ, start_response):
          js.setTimeout(js.eval('() => { while (true) {} }'), 0)
          start_response('200 OK', [('Content-Type', 'text/plain')])
          return [b'the worker hangs after this response']
    `,
    outcomes: ['complete'],
    why: 'The run itself completes; the worker hangs between runs.',
  },
  {
    name: 'a wasm trap: the real C abort(), past the os.abort guard',
    code: py`
      import posix


      def application(environ, start_response):
          posix.abort()
    `,
    outcomes: ['crash'],
    why: 'abort() traps in WebAssembly and Pyodide suffers a fatal error.',
  },
  {
    name: 'a fatal signal (faulthandler._sigsegv)',
    code: py`
      import faulthandler


      def application(environ, start_response):
          faulthandler._sigsegv()
    `,
    outcomes: ['crash'],
    why: 'A fatal signal aborts the WebAssembly instance.',
  },
  {
    name: 'memory: grows past the 1 GB limit, then serves',
    code: py`
      def application(environ, start_response):
          hog = [bytearray(512 * 2**20) for _ in range(3)]
          start_response('200 OK', [('Content-Type', 'text/plain')])
          return [b'%d bytes held' % sum(len(block) for block in hog)]
    `,
    outcomes: ['limit'],
    why: "Past 1 GB of WebAssembly memory a run counts as 'limit' and its worker is replaced.",
  },
  {
    name: 'memory exhaustion: allocates until MemoryError',
    code: py`
      def application(environ, start_response):
          hog = []
          while True:
              hog.append(bytearray(64 * 2**20))
    `,
    outcomes: ['limit'],
    why: 'WebAssembly memory ends at 4 GB: MemoryError, and the run counts as a limit.',
    // Filling 4 GB takes about 5 s here: give it time to reach MemoryError.
    timeLimitS: 30,
  },
];

// --- Running apps and comparing their results --------------------------------------------

/** The request the hostile apps get. */
export const HOSTILE_REQUEST: CleanApp['request'] = {
  method: 'GET',
  target: '/',
  headers: [['Host', 'localhost']],
};

/** What one run gave: its Trace, the engine's rejection, or nothing within the wait. */
export type RunResult =
  | { kind: 'trace'; ms: number; trace: Trace }
  | { kind: 'rejected'; ms: number; message: string }
  | { kind: 'no-result'; ms: number };

/** Run `code` on `request` through the page's test hook; `ms` is from run() to its result. */
export async function runApp(
  page: Page,
  app: Pick<CleanApp, 'code' | 'request'>,
  waitMs = 60_000,
): Promise<RunResult> {
  return page.evaluate(
    async ({ code, request, wait }) => {
      const hook = window.__wsgiPlayground;
      if (!hook) throw new Error('no test hook');
      hook.setCode(code);
      const base = hook.getRequest();
      hook.setRequest({
        method: request.method,
        target: request.target,
        headers: request.headers.map(([name, value]) => ({ name, value, enabled: true })),
        body: request.body
          ? {
              ...base.body,
              mode: 'raw',
              raw: request.body.text,
              rawContentType: request.body.contentType,
            }
          : { ...base.body, mode: 'none' },
      });
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<null>(
        (resolve) => (timer = setTimeout(() => resolve(null), wait)),
      );
      try {
        const trace = await Promise.race([hook.run(), timedOut]);
        return trace
          ? ({ kind: 'trace', ms: ms(), trace } as const)
          : ({ kind: 'no-result', ms: ms() } as const);
      } catch (error) {
        return { kind: 'rejected', ms: ms(), message: String(error) } as const;
      } finally {
        clearTimeout(timer);
      }
    },
    { code: app.code, request: app.request, wait: waitMs },
  );
}

/** The clean app the page opens with (the default example and its request), read from a
 * fresh page before anything else ran in it. */
export async function defaultApp(page: Page): Promise<CleanApp> {
  const { code, request } = await page.evaluate(() => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    return { code: hook.getCode(), request: hook.getRequest() };
  });
  if (request.body.mode !== 'none') throw new Error('the default request has a body');
  return {
    name: 'the default example',
    code,
    request: {
      method: request.method,
      target: request.target,
      headers: request.headers.filter((h) => h.enabled).map((h) => [h.name, h.value]),
    },
  };
}

/** One result as named text fields, with what legitimately varies masked: event times and
 * `stats.ms`, the Date header (only when it is a real date within a day of now, so a forged
 * date still shows) and `interpolatedTimes` (which chunks' times were read depends on speed). */
export type Summary = Record<string, string>;

const DAY_MS = 24 * 60 * 60 * 1000;

function maskDate(value: string, now: number): string {
  const when = Date.parse(value);
  return value.endsWith(' GMT') && Math.abs(when - now) < DAY_MS ? '<date>' : value;
}

function maskHeaders(headers: unknown, now: number): unknown {
  if (!Array.isArray(headers)) return headers;
  return headers.map((pair: unknown) =>
    Array.isArray(pair) && pair.length === 2 && String(pair[0]).toLowerCase() === 'date'
      ? [pair[0], maskDate(String(pair[1]), now)]
      : pair,
  );
}

/** Bytes (base64) as text: each byte one character, line breaks kept, CR shown as ␍. */
function bytesText(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1').replace(/\r/g, '␍');
}

export function summarize(result: RunResult, now = Date.now()): Summary {
  if (result.kind === 'rejected') return { run: `rejected: ${result.message}` };
  if (result.kind === 'no-result') return { run: `no result within ${result.ms} ms` };
  const { events, response, environ, stats, error, errorLog, notes, outcome, ...rest } =
    result.trace;
  delete (rest as { interpolatedTimes?: unknown }).interpolatedTimes;
  const { ms: _ms, ...counts } = stats;
  const wire = bytesText(response.wireBase64).replace(
    /^Date: (.*)␍$/gm,
    (_line, value: string) => `Date: ${maskDate(value, now)}␍`,
  );
  return {
    run: 'a trace',
    outcome,
    error: error ? JSON.stringify(error) : '',
    status: String(response.status),
    headers: (maskHeaders(response.headers, now) as [string, string][])
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    body: bytesText(response.bodyBase64),
    wire,
    'response sizes': JSON.stringify({
      bodySize: response.bodySize,
      wireSize: response.wireSize,
      truncated: response.truncated,
      segments: response.segments,
    }),
    'event kinds and lines': events
      .map((e) => `${e.seq} ${e.kind} ${e.actor}${e.line === undefined ? '' : ` line ${e.line}`}`)
      .join('\n'),
    'event details': events
      .map((event) => {
        const { seq, t: _t, kind, actor: _a, line: _l, ...data } = event;
        if (kind === 'headers.commit') {
          (data as { headers: unknown }).headers = maskHeaders(
            (data as { headers: unknown }).headers,
            now,
          );
        }
        return `${seq} ${kind} ${JSON.stringify(data)}`;
      })
      .join('\n'),
    tracebacks: events
      .flatMap((e) =>
        e.kind === 'exception'
          ? [
              `${e.type}: ${e.message}`,
              ...e.traceback.map((f) => `  line ${f.line} in ${f.name}: ${f.text}`),
              e.formatted,
            ]
          : [],
      )
      .join('\n'),
    environ: environ.map((e) => `${e.key} (${e.type}) = ${e.value}`).join('\n'),
    errorLog,
    notes: notes.join('\n'),
    stats: JSON.stringify(counts),
    rest: JSON.stringify(rest),
  };
}

/** The lines of `a` and `b` that differ (an LCS diff), as `-`/`+` lines, long lines cut
 * around their first difference. */
function lineDiff(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  // lcs[i * (m + 1) + j]: the length of the longest common subsequence of x[i:] and y[j:].
  const lcs = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        x[i] === y[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  const out: string[] = [];
  const flush = (): void => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [r, s] = cut(removed[k], added[k]);
      if (r !== undefined) out.push(`    - ${r}`);
      if (s !== undefined) out.push(`    + ${s}`);
    }
    removed.length = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) >= at(i + 1, j))) {
      added.push(y[j++] ?? '');
    } else {
      removed.push(x[i++] ?? '');
    }
  }
  flush();
  return out;
}

const CUT = 160;

/** Two differing lines, each cut to the neighbourhood of their first difference. */
function cut(
  a: string | undefined,
  b: string | undefined,
): [string | undefined, string | undefined] {
  if (a === undefined || b === undefined) {
    const one = (s: string | undefined) =>
      s === undefined || s.length <= 2 * CUT ? s : `${s.slice(0, 2 * CUT)}…`;
    return [one(a), one(b)];
  }
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const excerpt = (t: string) => {
    const from = Math.max(0, p - 40);
    const to = Math.min(t.length, Math.max(t.length - s + 40, p + 40), from + 2 * CUT);
    return `${from > 0 ? '…' : ''}${t.slice(from, to)}${to < t.length ? '…' : ''}`;
  };
  return [excerpt(a), excerpt(b)];
}

/** The names of the fields in which `got` differs from `expected`. */
export function changedFields(expected: Summary, got: Summary): string[] {
  if (expected.run !== got.run) return ['run'];
  return [...new Set([...Object.keys(expected), ...Object.keys(got)])].filter(
    (field) => expected[field] !== got[field],
  );
}

/** How `got` differs from `expected`, field by field (empty when they are equal). */
export function differences(expected: Summary, got: Summary, maxLines = 40): string[] {
  const out: string[] = [];
  for (const field of changedFields(expected, got)) {
    out.push(`  ${field}:`, ...lineDiff(expected[field] ?? '<absent>', got[field] ?? '<absent>'));
  }
  return out.length > maxLines
    ? [...out.slice(0, maxLines), `  … ${out.length - maxLines} more lines`]
    : out;
}
