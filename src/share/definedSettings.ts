import type { Settings } from '../trace/schema.ts';

/** Settings without the keys whose value is undefined (as `Partial<Settings>` means them):
 * valibot's `partial` reads a missing key as present and undefined. */
export function definedSettings(settings: Readonly<Record<string, unknown>>): Partial<Settings> {
  const clean: Partial<Settings> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) Object.assign(clean, { [key]: value });
  }
  return clean;
}
