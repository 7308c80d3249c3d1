/**
 * A fast yes/no check compiled from a valibot schema, for the hot path of validating large
 * traces (100,000 events take valibot ~140 ms; this check, about a quarter of that).
 *
 * It answers "would the schema accept this value and give it back unchanged?": objects may
 * carry no key the schema does not know (valibot would drop it), tuples no extra items. When it
 * says no, the caller runs valibot itself, for the exact output and the error message. Schema
 * parts it does not know how to compile are answered "no", so a schema change can only make
 * the fast path slower, never looser.
 */
import type * as v from 'valibot';

/** A compiled check. */
export type ExactCheck = (value: unknown) => boolean;

/** The parts of valibot's schema objects this compiler reads. */
interface SchemaNode {
  type: string;
  pipe?: readonly { kind: string; type: string; requirement?: unknown }[];
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  items?: readonly SchemaNode[];
  wrapped?: SchemaNode;
  default?: unknown;
  options?: readonly unknown[];
  literal?: unknown;
  /** A variant's tag name, or a record's key schema. */
  key?: string | SchemaNode;
  /** A record's value schema. */
  value?: SchemaNode;
}

const never: ExactCheck = () => false;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The validations of a pipe (integer, minValue), or null when one is not supported. */
function compilePipe(node: SchemaNode): ((value: number) => boolean)[] | null {
  const checks: ((value: number) => boolean)[] = [];
  for (const action of node.pipe?.slice(1) ?? []) {
    if (action.kind === 'validation' && action.type === 'integer') {
      checks.push((value) => Number.isInteger(value));
    } else if (
      action.kind === 'validation' &&
      action.type === 'min_value' &&
      typeof action.requirement === 'number'
    ) {
      const min = action.requirement;
      checks.push((value) => value >= min);
    } else {
      return null;
    }
  }
  return checks;
}

function compileObject(entries: Record<string, SchemaNode>): ExactCheck {
  const keys = Object.keys(entries);
  const known = new Set(keys);
  const checks = keys.map((key) => compileNode(entries[key] as SchemaNode));
  return (value) => {
    if (!isRecord(value)) return false;
    for (let index = 0; index < keys.length; index++) {
      if (!(checks[index] as ExactCheck)(value[keys[index] as string])) return false;
    }
    for (const key in value) {
      if (!known.has(key)) return false;
    }
    return true;
  };
}

function compileVariant(node: SchemaNode): ExactCheck {
  const key = node.key;
  if (typeof key !== 'string') return never;
  const byTag = new Map<unknown, ExactCheck>();
  for (const option of (node.options ?? []) as SchemaNode[]) {
    const tag = option.entries?.[key];
    if (option.type !== 'object' || tag?.type !== 'literal') return never;
    byTag.set(tag.literal, compileNode(option));
  }
  return (value) => {
    if (!isRecord(value)) return false;
    const check = byTag.get(value[key]);
    return check !== undefined && check(value);
  };
}

function compileNode(node: SchemaNode): ExactCheck {
  const piped = node.pipe ? compilePipe(node) : [];
  if (piped === null) return never;
  switch (node.type) {
    case 'string':
      return node.pipe ? never : (value) => typeof value === 'string';
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'number': {
      const [first, second, ...rest] = piped;
      if (!first) return (value) => typeof value === 'number' && !Number.isNaN(value);
      // Counts (integer, at least 0) are most of a trace's numbers: unrolled for speed.
      if (!second) return (value) => typeof value === 'number' && first(value);
      return (value) =>
        typeof value === 'number' &&
        first(value) &&
        second(value) &&
        rest.every((check) => check(value));
    }
    case 'literal':
      return (value) => value === node.literal;
    case 'picklist': {
      const options = new Set(node.options);
      return (value) => options.has(value);
    }
    case 'nullable':
    case 'optional': {
      // A default would change the output; leave such schemas to valibot.
      if (node.default !== undefined || !node.wrapped) return never;
      const inner = compileNode(node.wrapped);
      const empty = node.type === 'nullable' ? null : undefined;
      return (value) => value === empty || inner(value);
    }
    case 'array': {
      if (!node.item) return never;
      const item = compileNode(node.item);
      return (value) => Array.isArray(value) && value.every(item);
    }
    case 'tuple': {
      const items = (node.items ?? []).map(compileNode);
      return (value) =>
        Array.isArray(value) &&
        value.length === items.length &&
        items.every((check, index) => check(value[index]));
    }
    case 'object':
      return node.entries ? compileObject(node.entries) : never;
    case 'variant':
      return compileVariant(node);
    case 'record': {
      // Trace.sources: {file: text}; a key or value schema with more to it goes to valibot.
      if (typeof node.key !== 'object' || !node.value) return never;
      const key = compileNode(node.key);
      const value = compileNode(node.value);
      return (data) =>
        isRecord(data) && Object.entries(data).every(([k, item]) => key(k) && value(item));
    }
    default:
      return never;
  }
}

/**
 * Compile `schema` into a check that is true only for values the schema would return
 * unchanged.
 *
 * @example
 * const isTrace = compileExactCheck(TraceSchema);
 * if (isTrace(data)) use(data as Trace); else v.safeParse(TraceSchema, data);
 */
export function compileExactCheck(schema: v.GenericSchema): ExactCheck {
  return compileNode(schema as unknown as SchemaNode);
}
