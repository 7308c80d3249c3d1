/**
 * Cross-run cases: hostile apps that, while they run, change something a later run could see —
 * the stdlib, the server's own modules and classes, builtins, `sys`, `os`, the file system, and
 * the worker's JavaScript globals through `import js` — and then serve a response normally (or
 * raise). After each, the clean apps (cleanApps.ts) run in the same tab; their results must
 * equal the same clean apps' results in a fresh tab (see DESIGN.md, "The interpreter's life").
 */
import { py, type CrossRunCase } from './cleanApps.ts';

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
