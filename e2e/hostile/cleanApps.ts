/**
 * What the cross-run and worker-death cases share: their types, the `py` helper for Python
 * source, and the clean apps, whose results in a tab after a hostile run must equal their
 * results in a fresh tab (see DESIGN.md, "The interpreter's life").
 */
import type { Outcome } from '../../src/index.ts';

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
