/** Apps more than one story runs. */

/** A generator: start_response, then three chunks, one a step once the headers are out. */
export const STREAM_APP = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'one '",
  "    yield b'two '",
  "    yield b'three'",
  '',
].join('\n');
