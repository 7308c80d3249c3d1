/**
 * PEP 508 requirements as pip reads them from the command line and `Requires-Dist`:
 * `name[extra,…] specifiers ; marker`, the specifiers bare (`>=3.0,<4`) or in parentheses
 * (`(>=1.0)`). Direct URL references (`name @ https://…`) are read only to be refused.
 */
import { MarkerError, parseMarker, type Marker } from './markers.ts';
import { parseSpecifierSet, SpecifierError, type SpecifierSet } from './specifier.ts';
import { normalizeName } from './wheelName.ts';

/** A parsed requirement. */
export interface Requirement {
  /** The text it was read from, trimmed. */
  text: string;
  /** The name as written. */
  name: string;
  /** The name by PEP 503. */
  normalized: string;
  /** Extras asked for, by PEP 685 name (`Async_Stuff` → `async-stuff`). */
  extras: string[];
  specifier: SpecifierSet;
  marker: Marker | null;
}

/** Why a requirement was refused: it does not parse, or it asks for what is not supported. */
export type RequirementProblem = 'syntax' | 'url';

/** A requirement that cannot be used; the message names the text and what is wrong. */
export class RequirementError extends Error {
  override name = 'RequirementError';
  constructor(
    readonly requirement: string,
    readonly problem: RequirementProblem,
    what: string,
  ) {
    super(`Cannot read the requirement '${requirement}': ${what}`);
  }
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

function readExtras(text: string, list: string): string[] {
  const extras = list.split(',').map((extra) => extra.trim());
  if (extras.length === 1 && extras[0] === '') return [];
  for (const extra of extras) {
    if (!NAME.test(extra) || NAME.exec(extra)?.[0] !== extra) {
      throw new RequirementError(text, 'syntax', `'${extra}' is not an extra's name`);
    }
  }
  return extras.map(normalizeName);
}

function readSpecifiers(text: string, written: string): SpecifierSet {
  let inner = written.trim();
  if (inner.startsWith('(')) {
    if (!inner.endsWith(')')) throw new RequirementError(text, 'syntax', "a '(' is not closed");
    inner = inner.slice(1, -1);
  }
  try {
    return parseSpecifierSet(inner);
  } catch (error) {
    if (error instanceof SpecifierError) throw new RequirementError(text, 'syntax', error.message);
    throw error;
  }
}

function readMarker(text: string, written: string): Marker {
  try {
    return parseMarker(written);
  } catch (error) {
    if (error instanceof MarkerError) throw new RequirementError(text, 'syntax', error.message);
    throw error;
  }
}

/** A requirement string read, or a `RequirementError` thrown. */
export function parseRequirement(source: string): Requirement {
  const text = source.trim();
  const name = NAME.exec(text)?.[0];
  if (name === undefined) {
    const what = text === '' ? 'it is empty' : 'it does not start with a project name';
    throw new RequirementError(text, 'syntax', what);
  }
  let rest = text.slice(name.length).trimStart();
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) throw new RequirementError(text, 'syntax', "a '[' is not closed");
    extras = readExtras(text, rest.slice(1, close));
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest.startsWith('@')) {
    throw new RequirementError(
      text,
      'url',
      'direct URL references (name @ url) are not supported; name a version instead',
    );
  }
  const semicolon = rest.indexOf(';');
  const written = semicolon < 0 ? rest : rest.slice(0, semicolon);
  const markerText = semicolon < 0 ? null : rest.slice(semicolon + 1);
  if (markerText !== null && markerText.trim() === '') {
    throw new RequirementError(text, 'syntax', "nothing follows ';' (expected a marker)");
  }
  return {
    text,
    name,
    normalized: normalizeName(name),
    extras,
    specifier: readSpecifiers(text, written),
    marker: markerText === null ? null : readMarker(text, markerText),
  };
}
