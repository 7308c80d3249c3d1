/**
 * Reading what a test hands the test hook: valibot schemas whose issues become one Error
 * message that names the method, where the value is wrong and what was expected.
 */
import * as v from 'valibot';

/** The parse failed; the message says where and why (`setRequest: headers[0]: …`). */
export class HookInputError extends TypeError {
  override name = 'HookInputError';
}

/** A string, said plainly when it is not. */
export const text = v.string((issue) => `must be a string, got ${issue.received}`);

/** A boolean, said plainly when it is not. */
export const flag = v.boolean((issue) => `must be true or false, got ${issue.received}`);

/** A short JSON view of a value, for messages. */
export function shown(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  json ??= String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

/** A list of `what`. */
export const list = <S extends v.GenericSchema>(item: S, what: string) =>
  v.array(item, (issue) => `must be a list of ${what}, got ${issue.received}`);

/** An object schema that rejects unknown keys, and arrays (valibot takes them for objects). */
export function record<E extends v.ObjectEntries>(entries: E, what: string) {
  const known = Object.keys(entries).join(', ');
  const strict = v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return `is not a key of ${what} (it takes ${known})`;
    const missing = issue.kind === 'schema' && issue.expected?.startsWith('"') === true;
    return missing
      ? `is required (${what} takes ${known})`
      : `must be ${what} { ${known} }, got ${issue.received}`;
  });
  const notArray = v.never(`must be ${what} { ${known} }, got an array`);
  return v.lazy((input) => (Array.isArray(input) ? notArray : strict));
}

/** `headers[0][1]`, `body.mode`: where in the argument an issue is. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : `${path === '' ? '' : '.'}${String(key)}`;
  }
  return path;
}

/**
 * Parse `value` with `schema` or throw a `HookInputError` saying what is wrong, e.g.
 * `setRequest: headers[0] must be a [name, value] pair of strings`.
 */
export function parseHookInput<S extends v.GenericSchema>(
  method: string,
  schema: S,
  value: unknown,
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  const problems = parsed.issues.slice(0, 3).map((issue) => {
    const path = pathOf(issue);
    return path === '' ? issue.message : `${path} ${issue.message}`;
  });
  const more = parsed.issues.length > 3 ? ` (and ${parsed.issues.length - 3} more)` : '';
  throw new HookInputError(`${method}: ${problems.join('; ')}${more}.`);
}
