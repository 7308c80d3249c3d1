/**
 * Ways a worker can die or hang — JavaScript busy loops, the worker closing itself, a wasm
 * trap, a fatal signal, memory limits — each with the outcomes its run may honestly end in.
 * After each, the next run must work without a reload.
 */
import { py, type WorkerDeathCase } from './cleanApps.ts';

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
