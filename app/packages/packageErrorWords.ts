/** A failed preparation in plain words: what went wrong (preparing's message) and what to do. */
import type { PackageError, PackageErrorKind } from './prepareContract.ts';

/** Each kind of failure, named in a few words (the heading over the message). */
const TITLES: Record<PackageErrorKind, string> = {
  offline: 'The package index could not be reached',
  'index-error': 'The package index answered with an error',
  'not-found': 'Package not found',
  'no-version': 'No version matches',
  'no-pure-wheel': 'No wheel this browser can install',
  'requires-python': 'It needs another Python',
  conflict: 'The requirements conflict',
  'bad-requirement': 'A requirement cannot be read',
  'too-many-steps': 'The resolver gave up',
  'hash-mismatch': 'A file is not the one its sha256 names',
  'missing-hand-wheel': 'Wheel files are missing',
  'no-hash': 'A file cannot be checked',
  'bad-wheel': 'A wheel cannot be installed',
};

/** What to do about each kind of failure. */
const WHAT_TO_DO: Record<PackageErrorKind, string> = {
  offline:
    'Check the connection and run again. Once installed, packages come from this browser’s cache, offline too.',
  'index-error': 'Check the Package index URL in Packages, or try again later.',
  'not-found': 'Check the spelling in Requirements: the index has no project of that name.',
  'no-version': 'Loosen the version in Requirements: no release matches it.',
  'no-pure-wheel':
    'Only pure-Python wheels and Pyodide’s own builds install in the browser: pick another version, or add a wheel file by hand.',
  'requires-python': 'Pick an older version in Requirements: this one needs another Python.',
  conflict: 'Two requirements want versions that cannot go together: relax one in Requirements.',
  'bad-requirement':
    'Fix the line in Requirements (one requirement a line, as in requirements.txt).',
  'too-many-steps': 'Pin some versions in Requirements (name==version) to help the resolver.',
  'hash-mismatch':
    'A file is not the one its sha256 names. If it came from the index, run again to fetch it anew; if you added it by hand, add it again.',
  'missing-hand-wheel':
    'This project uses wheel files added by hand that this browser does not have: add them with “Add wheel files…” in Packages.',
  'bad-wheel':
    'The file is not a wheel that can be installed: check it, or remove it from the wheel files.',
  'no-hash':
    'The index gives no sha256 for the file, so it cannot be checked: use an index that does (PyPI does).',
};

/** A failure in the person's words: a heading, the message, and the advice. */
export interface ErrorWords {
  title: string;
  message: string;
  hint: string;
}

/** `error` in the person's words. */
export function packageErrorWords(error: PackageError): ErrorWords {
  // The files the message does not name already.
  const unnamed = (error.files ?? []).filter((file) => !error.message.includes(file));
  const files = unnamed.length > 0 ? ` (${unnamed.join(', ')})` : '';
  return {
    title: TITLES[error.kind],
    message: `${error.message}${files}`,
    hint: WHAT_TO_DO[error.kind],
  };
}
