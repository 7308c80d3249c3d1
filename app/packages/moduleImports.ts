/**
 * The modules worth importing into a package set's image, from the project's requirements
 * (the engine imports each alone and leaves out one that fails, so a wrong guess costs
 * nothing). A distribution's module is most often its name in lower case with `-` as `_`.
 */

/** Distributions whose modules are not their names, and frameworks with more to import. */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  django: ['django', 'django.core.wsgi', 'django.http', 'django.urls'],
  beautifulsoup4: ['bs4'],
  pyyaml: ['yaml'],
  'python-dateutil': ['dateutil'],
  'python-multipart': ['multipart'],
};

/** The name at the start of a requirement (`Flask[async]>=3` → `Flask`), or null. */
export function requirementName(requirement: string): string | null {
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement)?.[1] ?? null;
}

/** The modules of a distribution named `name`. */
function modulesOf(name: string): readonly string[] {
  const normalized = name.toLowerCase().replace(/[-_.]+/g, '-');
  return KNOWN[normalized] ?? [name.toLowerCase().replaceAll('-', '_')];
}

/**
 * The modules to import for `requirements` and the distributions of the wheels added by hand
 * (`names`), each once, in order.
 */
export function importsOf(
  requirements: readonly string[],
  names: readonly string[] = [],
): string[] {
  const distributions = [...requirements.map(requirementName), ...names];
  const modules = distributions.flatMap((name) => (name === null ? [] : modulesOf(name)));
  return [...new Set(modules)];
}
