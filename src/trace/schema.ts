/**
 * The Trace: the contract between the Python server object and everything else.
 *
 * Schemas are the single source of truth: the types are derived from them, and
 * {@link parseTrace} checks what arrives from the worker against them (it is untrusted input).
 */
import * as v from 'valibot';

const int = v.pipe(v.number(), v.integer());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const headerPair = v.tuple([v.string(), v.string()]);

/** The servers a run can be served by: wsgiref (`http`, `cgi`), and models of real ones. */
export const PERSONALITIES = ['http', 'cgi', 'gunicorn', 'waitress'] as const;

/** Settings of one run; every field has a default (see `DEFAULT_SETTINGS`). */
export const SettingsSchema = v.object({
  /** Who serves the run: wsgiref as an origin server or a CGI gateway, or a model of a real
   * server's response writer (see `PERSONALITY_NAMES`). */
  personality: v.picklist(PERSONALITIES),
  httpVersion: v.picklist(['1.0', '1.1']),
  scriptName: v.string(),
  urlScheme: v.picklist(['http', 'https']),
  multithread: v.boolean(),
  multiprocess: v.boolean(),
  runOnce: v.boolean(),
  callable: v.string(),
  filename: v.string(),
  maxEvents: count,
  maxWireBytes: count,
  previewBytes: count,
  /** Also run the app under the stdlib's `wsgiref.validate` and keep its verdict (default false). */
  compareValidate: v.optional(v.boolean()),
  maxRecursion: v.optional(count),
  /** The client goes away after reading this many bytes of the response (null: it stays). */
  disconnectAfter: v.optional(v.nullable(count)),
  /** The client sends only this many bytes of the body it announced (null: all of it). */
  shortBody: v.optional(v.nullable(count)),
  /** The client takes this many milliseconds to read each write of the body (null: none). */
  slowClient: v.optional(v.nullable(count)),
  /** The port a modelled server listens on, as its environ shows it (null: its default). */
  serverPort: v.optional(v.nullable(count)),
  /** The client's port, as `REMOTE_PORT` shows it under a modelled server (null: 54321). */
  clientPort: v.optional(v.nullable(count)),
});

/** An HTTP request as the client sends it; the body travels as base64. */
export const RequestSchema = v.object({
  method: v.string(),
  target: v.string(),
  headers: v.array(headerPair),
  bodyBase64: v.string(),
});

/** Where a frame's code comes from: the project's files, an installed package, the stdlib. */
export const FRAME_ORIGINS = ['project', 'library', 'stdlib'] as const;

/**
 * A frame between the server and an event. `file` is a project path (`pkg/views.py`), or for a
 * library or the stdlib its path below site-packages or the stdlib (`werkzeug/wsgi.py`).
 */
export const StackFrameSchema = v.object({
  file: v.string(),
  line: int,
  function: v.string(),
  origin: v.picklist(FRAME_ORIGINS),
});

/** The lane of the innermost application in `layer` and `outer` (middleware lanes: their id). */
export const APP_LAYER = 'app';

const base = {
  seq: count,
  /** Milliseconds since the server took the request (what printed while the code loaded: 0). */
  t: v.number(),
  /** Who acted: 'server', 'app', or the id of a middleware layer (see `Trace.layers`). */
  actor: v.string(),
  /** The project line that caused the event (see `file`). */
  line: v.optional(int),
  /** The project file of `line`; absent: the entry file (`Trace.project.entryFile`). */
  file: v.optional(v.string()),
  /**
   * The frames from the project frame to the event, innermost last, when a library or the
   * stdlib stood between (e.g. a chunk yielded through Werkzeug's iterator); else absent.
   */
  stack: v.optional(v.array(StackFrameSchema)),
};

/**
 * What a nested WSGI callable did toward the callable that called it. `layer` is the callable
 * (a middleware's id, or `APP_LAYER` for the innermost app); `outer` is its caller's lane
 * (a middleware's id; the outermost callable's own events are the plain kinds, toward the
 * server).
 */
const layerBase = { ...base, layer: v.string(), outer: v.string() };

/** A chunk of data handed across the boundary: bytes get a preview, other types a repr. */
const chunk = {
  type: v.string(),
  size: v.optional(count),
  previewBase64: v.optional(v.string()),
  repr: v.optional(v.string()),
  /** Bytes of this chunk a modelled server did not send, and why. */
  dropped: v.optional(count),
  droppedWhy: v.optional(v.picklist(['content-length', 'no-body-status'])),
};

const headerArgument = v.object({
  itemType: v.string(),
  name: v.optional(v.string()),
  value: v.optional(v.string()),
  nameType: v.optional(v.string()),
  valueType: v.optional(v.string()),
  repr: v.optional(v.string()),
});

export const OUTCOMES = [
  'complete',
  'app-error',
  'syntax-error',
  'load-error',
  'bad-request',
  'timeout',
  'stopped',
  'limit',
  'crash',
  /** The client went away mid-response (setting `disconnectAfter`); the server ended quietly. */
  'disconnected',
  /** Not an end: a live run held at an event (the Trace so far; see live_pause.py). */
  'paused',
] as const;

export const EXCEPTION_PHASES = [
  'load',
  'call',
  'iterate',
  'next',
  'send',
  'finish',
  'close',
  'error-response',
  'setup',
  'server',
] as const;

/** One event at the protocol boundary. */
export const TraceEventSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('app.call') }),
  v.object({
    ...base,
    kind: v.literal('app.return'),
    resultType: v.string(),
    isGenerator: v.boolean(),
    hasClose: v.boolean(),
    hasLen: v.boolean(),
    length: v.optional(count),
    repr: v.optional(v.string()),
  }),
  v.object({
    ...base,
    kind: v.literal('start_response'),
    status: v.string(),
    statusType: v.string(),
    excInfo: v.nullable(v.string()),
    headersSent: v.boolean(),
    headersType: v.string(),
    headers: v.optional(v.array(headerArgument)),
    headersRepr: v.optional(v.string()),
    error: v.optional(v.string()),
  }),
  v.object({
    ...base,
    kind: v.literal('headers.commit'),
    status: v.string(),
    headers: v.array(headerPair),
    added: v.array(v.string()),
    /** Headers of the app's that a modelled server left out of the head. */
    dropped: v.optional(v.array(v.string())),
    wireStart: count,
    wireEnd: count,
  }),
  v.object({ ...base, ...chunk, kind: v.literal('write'), error: v.optional(v.string()) }),
  v.object({ ...base, ...chunk, kind: v.literal('yield'), index: count }),
  v.object({
    ...base,
    ...chunk,
    kind: v.literal('input.read'),
    method: v.string(),
    arg: v.nullable(v.string()),
    lines: v.optional(count),
    position: count,
    /** This read met the end of what the client sent, short of what it announced. */
    clientStopped: v.optional(v.object({ sent: count, announced: count })),
  }),
  v.object({ ...base, kind: v.literal('errors.write'), method: v.string(), text: v.string() }),
  v.object({ ...base, kind: v.literal('print'), stream: v.string(), text: v.string() }),
  v.object({ ...base, kind: v.literal('close'), called: v.boolean(), resultType: v.string() }),
  v.object({
    ...base,
    kind: v.literal('exception'),
    phase: v.picklist(EXCEPTION_PHASES),
    type: v.string(),
    message: v.string(),
    traceback: v.array(
      v.object({
        line: int,
        name: v.string(),
        text: v.string(),
        /** The frame's file (a project path, or below site-packages or the stdlib). */
        file: v.optional(v.string()),
        origin: v.optional(v.picklist(FRAME_ORIGINS)),
      }),
    ),
    formatted: v.string(),
    headersSent: v.optional(v.boolean()),
  }),
  v.object({ ...base, kind: v.literal('error.response'), status: v.string(), size: count }),
  /**
   * The client had gone away (after `afterBytes` of the response): the server's write at
   * `sentBytes` raised `error`, as a socket's does.
   */
  /** A slow client: the server's write at `sentBytes` waited `ms` for it to read. */
  v.object({ ...base, kind: v.literal('client.wait'), ms: count, sentBytes: count }),
  v.object({
    ...base,
    kind: v.literal('client.disconnect'),
    afterBytes: count,
    sentBytes: count,
    error: v.string(),
  }),
  v.object({ ...base, kind: v.literal('complete'), outcome: v.nullable(v.picklist(OUTCOMES)) }),
  /** `outer` called `layer` with the environ and a start_response of its own. */
  v.object({ ...layerBase, kind: v.literal('layer.call') }),
  /** `layer` called the start_response it was given, with these arguments as it passed them. */
  v.object({
    ...layerBase,
    kind: v.literal('layer.start_response'),
    status: v.string(),
    statusType: v.string(),
    excInfo: v.nullable(v.string()),
    headersType: v.string(),
    headers: v.optional(v.array(headerArgument)),
    headersRepr: v.optional(v.string()),
  }),
  /** `layer` returned its iterable to `outer`. */
  v.object({
    ...layerBase,
    kind: v.literal('layer.return'),
    resultType: v.string(),
    isGenerator: v.boolean(),
    hasClose: v.boolean(),
    hasLen: v.boolean(),
    length: v.optional(count),
    repr: v.optional(v.string()),
  }),
  /** `layer`'s iterable gave `outer` a chunk. */
  v.object({ ...layerBase, ...chunk, kind: v.literal('layer.yield'), index: count }),
  /** `outer` called close() on `layer`'s iterable (`called`), or never did (`called: false`). */
  v.object({
    ...layerBase,
    kind: v.literal('layer.close'),
    called: v.boolean(),
    resultType: v.string(),
  }),
]);

/** A middleware layer: a nested WSGI callable between the server and the innermost app. */
export const LayerSchema = v.object({
  /** Its lane and the `layer`/`actor` of its events: the name, made unique (`Stamp#2`). */
  id: v.string(),
  /** The callable's name: a class or a function. */
  name: v.string(),
  /** Where it is defined: a project path (or a library's path) and line. */
  file: v.optional(v.string()),
  line: v.optional(int),
});

/** The project a run loaded: its files, and the entry the server called. */
export const TraceProjectSchema = v.object({
  /** gunicorn's form, `module:callable`, as given (`app` alone: `application`, then `app`). */
  entry: v.string(),
  /** The file of the entry module: events without a `file` belong to it. */
  entryFile: v.string(),
  files: v.array(v.string()),
});

/** Why a run ended without (or before) serving the request normally. */
export const RunErrorSchema = v.object({
  kind: v.string(),
  message: v.string(),
  type: v.optional(v.string()),
  line: v.optional(int),
  /** The project file of `line` (absent: the entry file). */
  file: v.optional(v.string()),
  column: v.optional(int),
  endLine: v.optional(int),
  endColumn: v.optional(int),
  text: v.optional(v.string()),
});

/** A range of the wire bytes and what produced it. */
export const WireSegmentSchema = v.object({
  start: count,
  end: count,
  /** `framing`: transfer coding a server added (a chunk's size line and CRLF, the last chunk). */
  part: v.picklist(['head', 'body', 'framing']),
  seq: v.optional(count),
});

export const ResponseSchema = v.object({
  status: v.nullable(v.string()),
  headers: v.array(headerPair),
  bodyBase64: v.string(),
  bodySize: count,
  wireBase64: v.string(),
  wireSize: count,
  segments: v.array(WireSegmentSchema),
  truncated: v.boolean(),
});

/** An iterable an inner WSGI callable returned to middleware, and whether it was closed. */
export const InnerIterableSchema = v.object({
  /** The name of the inner callable. */
  callable: v.string(),
  resultType: v.string(),
  closed: v.boolean(),
  /** The line of the app's code that called it. */
  line: v.optional(int),
});

/** What the stdlib's `wsgiref.validate` said: its AssertionErrors and its warnings. */
export const ValidateVerdictSchema = v.object({
  passed: v.boolean(),
  errors: v.array(v.string()),
  warnings: v.array(v.string()),
});

export const TraceSchema = v.object({
  version: v.literal(1),
  request: RequestSchema,
  settings: SettingsSchema,
  callable: v.nullable(v.string()),
  environ: v.array(v.object({ key: v.string(), type: v.string(), value: v.string() })),
  events: v.array(TraceEventSchema),
  response: ResponseSchema,
  outcome: v.picklist(OUTCOMES),
  error: v.optional(RunErrorSchema),
  errorLog: v.string(),
  notes: v.array(v.string()),
  /** The project: present for every run that loaded code. */
  project: v.optional(TraceProjectSchema),
  /**
   * The text of the library and stdlib files the events' stacks and tracebacks name (by the
   * frames' `file`), so that they can be read beside the project; capped, absent when none.
   */
  sources: v.optional(v.record(v.string(), v.string())),
  /** The middleware layers, outermost first; absent when the server called the app directly. */
  layers: v.optional(v.array(LayerSchema)),
  /** Iterables with a close() that inner WSGI calls (the app wrapped by middleware) returned. */
  innerIterables: v.optional(v.array(InnerIterableSchema)),
  /** The verdict of `wsgiref.validate` on the same app and request (setting `compareValidate`). */
  validate: v.optional(ValidateVerdictSchema),
  /**
   * Events whose `t` is interpolated, as flat `[first, end)` seq pairs: in a stream of chunks
   * faster than a clock reading, the server reads the clock for every 16th chunk only.
   */
  interpolatedTimes: v.optional(v.array(count)),
  stats: v.object({
    /** Milliseconds in Python, loading the code included. */
    ms: v.number(),
    /** Of those, the milliseconds spent loading the code before the server took the request
     * (events' `t` count from then); absent when the code failed to load. */
    loadMs: v.optional(v.number()),
    events: count,
    chunks: count,
    bodyBytes: count,
    wireBytes: count,
  }),
});

/** Settings of one run. */
export type Settings = v.InferOutput<typeof SettingsSchema>;
/** An HTTP request as the client sends it. */
export type HttpRequest = v.InferOutput<typeof RequestSchema>;
/** One event of a run. */
export type TraceEvent = v.InferOutput<typeof TraceEventSchema>;
/** The kind of an event. */
export type TraceEventKind = TraceEvent['kind'];
/** The response as the client received it. */
export type TraceResponse = v.InferOutput<typeof ResponseSchema>;
/** How a run ended. */
export type Outcome = (typeof OUTCOMES)[number];
/** Why a run ended early. */
export type RunError = v.InferOutput<typeof RunErrorSchema>;
/** An iterable an inner WSGI callable returned. */
export type InnerIterable = v.InferOutput<typeof InnerIterableSchema>;
/** The verdict of `wsgiref.validate` on a run. */
export type ValidateVerdict = v.InferOutput<typeof ValidateVerdictSchema>;
/** The record of one run. */
export type Trace = v.InferOutput<typeof TraceSchema>;
