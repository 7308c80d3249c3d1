/**
 * Why packages could not be prepared, as data: the resolver's own kinds (resolveErrors.ts)
 * and those of reaching the index and checking files. Each has a message to show as is; code
 * deep in a download throws a `PackageFailure` carrying one, and preparePackages returns it.
 */
import type { ResolveErrorKind } from './resolveErrors.ts';

/** What went wrong. */
export type PackageErrorKind =
  | ResolveErrorKind
  | 'offline'
  | 'index-error'
  | 'hash-mismatch'
  | 'missing-hand-wheel'
  | 'no-hash'
  | 'bad-wheel';

/** A failed preparation: its kind, a message, the project or files it concerns. */
export interface PackageError {
  kind: PackageErrorKind;
  message: string;
  package?: string;
  files?: string[];
}

/** An Error that carries a PackageError up through the downloads. */
export class PackageFailure extends Error {
  constructor(readonly error: PackageError) {
    super(error.message);
  }
}

/** `fetch` threw: the network, DNS, a refused connection, a CSP or CORS refusal. */
export function offline(url: string, error: unknown): PackageFailure {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const why = typeof code === 'string' ? `offline? ${code}` : 'offline?';
  return new PackageFailure({
    kind: 'offline',
    message: `cannot reach the package index at ${url} (${why})`,
  });
}

/** The index answered, but not with what was asked for. */
export function indexError(message: string): PackageFailure {
  return new PackageFailure({ kind: 'index-error', message });
}

/** A file's bytes are not the ones `says` (the index, the lock) promised. */
export function hashMismatch(
  file: { filename: string; url: string; sha256: string },
  actual: string,
  says: string,
): PackageFailure {
  const message = `hash mismatch: ${file.filename} from ${file.url} has sha256 ${actual}, ${says} says ${file.sha256}: not installed`;
  return new PackageFailure({ kind: 'hash-mismatch', message, files: [file.filename] });
}

/** The resolution chose a file the index gives no sha256 for. */
export function noHash(filename: string): PackageFailure {
  const message = `the index gives no sha256 for ${filename}: it is not installed unchecked`;
  return new PackageFailure({ kind: 'no-hash', message, files: [filename] });
}

/** A lock needs wheels the person added by hand, and they are not here now. */
export function missingHandWheels(files: string[]): PackageFailure {
  const message = `This project needs wheel files added by hand: ${files.join(', ')}. Add them with “Add wheel files…”.`;
  return new PackageFailure({ kind: 'missing-hand-wheel', message, files });
}

/** A file added by hand is not a wheel (no wheel name, not a zip, no METADATA). */
export function badWheel(filename: string, message: string): PackageFailure {
  return new PackageFailure({ kind: 'bad-wheel', message, files: [filename] });
}
