/**
 * A wheel's `METADATA` file (core metadata, RFC 822 style): `Field: value` lines, a line that
 * starts with whitespace continuing the one before, and the first blank line ending the
 * headers — what follows is the description, not read here.
 */

/** The core-metadata fields the resolver reads. */
export interface WheelMetadata {
  name: string | null;
  version: string | null;
  /** `Requires-Dist` lines, each a PEP 508 requirement, in order. */
  requiresDist: string[];
  /** `Requires-Python` (e.g. `>=3.9`), or null when absent. */
  requiresPython: string | null;
  providesExtra: string[];
  /** Every header by lowercased name, values in order (for fields not listed above). */
  fields: ReadonlyMap<string, readonly string[]>;
}

/** The headers of a METADATA text, by lowercased field name. */
export function readMetadataFields(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: { values: string[]; index: number } | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line)) {
      if (last) last.values[last.index] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      last = null;
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    const values = fields.get(key) ?? [];
    values.push(line.slice(colon + 1).trim());
    fields.set(key, values);
    last = { values, index: values.length - 1 };
  }
  return fields;
}

/** A wheel's METADATA read: name, version, dependencies, the Pythons it supports. */
export function parseMetadata(text: string): WheelMetadata {
  const fields = readMetadataFields(text);
  const first = (key: string) => fields.get(key)?.[0] ?? null;
  return {
    name: first('name'),
    version: first('version'),
    requiresDist: fields.get('requires-dist') ?? [],
    requiresPython: first('requires-python'),
    providesExtra: fields.get('provides-extra') ?? [],
    fields,
  };
}
