/**
 * PEP 508 environment markers (`python_version < "3.10" and extra == "async"`): read into a
 * small tree, then evaluated against a `MarkerEnvironment`. Version-like variables compare as
 * PEP 440 versions (as packaging does), the rest as strings; `extra` compares by PEP 685 name.
 */
import { MARKER_VARIABLES, VERSION_VARIABLES, type MarkerEnvironment } from './environment.ts';
import { parseSpecifier, satisfies, type Specifier } from './specifier.ts';
import { normalizeName } from './wheelName.ts';

/** A marker comparison operator. */
export type MarkerOperator = '===' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '~=' | 'in' | 'not in';

/** One side of a comparison: a variable's name or a quoted string. */
export type MarkerValue = { variable: string } | { literal: string };

/** A parsed marker. */
export type Marker =
  | { kind: 'and' | 'or'; left: Marker; right: Marker }
  | { kind: 'compare'; left: MarkerValue; operator: MarkerOperator; right: MarkerValue };

/** A marker that cannot be read or evaluated; the message says where and why. */
export class MarkerError extends Error {
  override name = 'MarkerError';
}

type Token = { kind: 'value'; value: MarkerValue } | { kind: 'word'; text: string };

const TOKEN =
  /\s*(?:'([^']*)'|"([^"]*)"|(===|==|!=|<=|>=|~=|<|>|\(|\))|([A-Za-z_][A-Za-z0-9_.]*))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (text.slice(at).trim() === '') break;
      throw new MarkerError(`unexpected '${text.slice(at).trim()}' in marker '${text}'`);
    }
    const [, single, double, operator, word] = match;
    const literal = single ?? double;
    if (literal !== undefined) tokens.push({ kind: 'value', value: { literal } });
    else if (operator !== undefined) tokens.push({ kind: 'word', text: operator });
    else if (word === 'and' || word === 'or' || word === 'in' || word === 'not')
      tokens.push({ kind: 'word', text: word });
    else if (word !== undefined && MARKER_VARIABLES.has(word))
      tokens.push({ kind: 'value', value: { variable: word } });
    else throw new MarkerError(`'${word ?? ''}' is not a marker variable in '${text}'`);
  }
  return tokens;
}

const OPERATORS = new Set(['===', '==', '!=', '<=', '>=', '<', '>', '~=', 'in']);

/** A marker's text read into a tree, or a `MarkerError` thrown. */
export function parseMarker(source: string): Marker {
  const text = source.trim();
  const tokens = tokenize(text);
  let at = 0;
  const fail = (what: string): never => {
    const near = tokens[at];
    const where = near === undefined ? 'at the end' : `at token ${at + 1}`;
    throw new MarkerError(`expected ${what} ${where} of marker '${text}'`);
  };
  const word = (expected: string) => {
    const token = tokens[at];
    if (token?.kind === 'word' && token.text === expected) return ((at += 1), true);
    return false;
  };
  const value = (): MarkerValue => {
    const token = tokens[at];
    if (token?.kind !== 'value') return fail('a variable or a quoted string');
    at += 1;
    return token.value;
  };
  const operator = (): MarkerOperator => {
    if (word('not')) return word('in') ? 'not in' : fail("'in' after 'not'");
    const token = tokens[at];
    if (token?.kind !== 'word' || !OPERATORS.has(token.text)) return fail('an operator');
    at += 1;
    return token.text as MarkerOperator;
  };
  const atom = (): Marker => {
    if (word('(')) {
      const inner = or();
      return word(')') ? inner : fail("')'");
    }
    const left = value();
    return { kind: 'compare', left, operator: operator(), right: value() };
  };
  const and = (): Marker => {
    let left = atom();
    while (word('and')) left = { kind: 'and', left, right: atom() };
    return left;
  };
  const or = (): Marker => {
    let left = and();
    while (word('or')) left = { kind: 'or', left, right: and() };
    return left;
  };
  if (tokens.length === 0) fail('a comparison');
  const marker = or();
  if (at < tokens.length) fail("'and', 'or' or the end");
  return marker;
}

function lookup(value: MarkerValue, env: MarkerEnvironment): string {
  if ('literal' in value) return value.literal;
  return env[value.variable as keyof MarkerEnvironment] ?? '';
}

function versionSpecifier(operator: string, version: string): Specifier | null {
  try {
    return parseSpecifier(`${operator}${version}`);
  } catch {
    return null;
  }
}

function compareStrings(left: string, operator: MarkerOperator, right: string): boolean {
  switch (operator) {
    case '==':
    case '===':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case 'in':
      return right.includes(left);
    case 'not in':
      return !right.includes(left);
    case '~=':
      throw new MarkerError(`~= compares versions, and '${left}' ~= '${right}' are not versions`);
  }
}

function compare(marker: Extract<Marker, { kind: 'compare' }>, env: MarkerEnvironment): boolean {
  const { left, operator, right } = marker;
  const variable = 'variable' in left ? left.variable : 'variable' in right ? right.variable : '';
  let lhs = lookup(left, env);
  let rhs = lookup(right, env);
  if (variable === 'extra') {
    lhs = normalizeName(lhs);
    rhs = normalizeName(rhs);
  }
  if (VERSION_VARIABLES.has(variable) && operator !== 'in' && operator !== 'not in') {
    const specifier = versionSpecifier(operator, rhs);
    if (specifier !== null) {
      const set = { specifiers: [specifier], text: '' };
      return satisfies(lhs, set, { prereleases: true });
    }
  }
  return compareStrings(lhs, operator, rhs);
}

/** Whether a marker holds in an environment (a missing `extra` counts as ''). */
export function evaluateMarker(marker: Marker, env: MarkerEnvironment): boolean {
  switch (marker.kind) {
    case 'and':
      return evaluateMarker(marker.left, env) && evaluateMarker(marker.right, env);
    case 'or':
      return evaluateMarker(marker.left, env) || evaluateMarker(marker.right, env);
    case 'compare':
      return compare(marker, env);
  }
}
