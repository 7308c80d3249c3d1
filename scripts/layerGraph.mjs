// The folder graph behind `scripts/check-layers.mjs`, as pure functions over file paths and
// source text, so that it can be unit-tested without a file system (layerGraph.test.ts).
//
// A layer is a folder: the first two segments of a path (`app/findings`, `src/rules`), and the
// files directly in `app/` or `src/` form the folders `app/(root)` and `src/(root)`. Layers may
// only import one way: when two folders import each other, directly or round a longer cycle,
// every import between folders of that cycle is reported, since any of them may be the one to
// turn around.

/**
 * The module specifiers `source` imports: static `import … from`, bare `import '…'`,
 * `export … from`, `import('…')` and `import.meta.glob('…')`, string literals only.
 *
 * @example specifiersOf("import { a } from './a.ts';\nconst b = import('./b.ts');")
 *   // → ['./a.ts', './b.ts']
 */
export function specifiersOf(source) {
  // Comment lines go first, so that a documented `import('./x.ts')` is not counted. (A real
  // tokenizer is not needed: in this code base comments that mention imports are whole lines.)
  const code = source.replace(/^\s*(?:\/\/|\/\*|\*).*$/gm, '');
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*(?:\/\*.*?\*\/\s*)?['"]([^'"]+)['"]\s*\)/g,
    /\bimport\.meta\.glob\s*\(\s*['"]([^'"]+)['"]/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

/** The layer (folder) of a repository-relative path: `app/timeline/EventRow.tsx` → `app/timeline`. */
export function folderOf(file) {
  const [top, second, ...rest] = file.split('/');
  return rest.length === 0 ? `${top}/(root)` : `${top}/${second}`;
}

/**
 * The imports that take part in a folder cycle, given every import as `{ from, to }` file
 * paths. Imports inside one folder never count; an import between two folders counts when
 * both lie on one cycle of the folder graph (the same strongly connected component).
 */
export function cyclicImports(imports) {
  const edges = imports
    .map((edge) => ({ ...edge, fromFolder: folderOf(edge.from), toFolder: folderOf(edge.to) }))
    .filter((edge) => edge.fromFolder !== edge.toFolder);
  const component = componentsOf(edges);
  return edges
    .filter((edge) => component.get(edge.fromFolder) === component.get(edge.toFolder))
    .map(({ from, to }) => ({ from, to }));
}

/** Which folders import which: a sorted map from folder to the folders it imports. */
export function folderGraph(imports) {
  const graph = new Map();
  for (const { from, to } of imports) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (!graph.has(a)) graph.set(a, new Set());
    if (a !== b) graph.get(a).add(b);
  }
  return new Map(
    [...graph].sort(([a], [b]) => a.localeCompare(b)).map(([a, to]) => [a, [...to].sort()]),
  );
}

/** Tarjan's strongly connected components of the folder graph: folder → component number. */
function componentsOf(edges) {
  const next = new Map();
  for (const { fromFolder, toFolder } of edges) {
    if (!next.has(fromFolder)) next.set(fromFolder, []);
    if (!next.has(toFolder)) next.set(toFolder, []);
    next.get(fromFolder).push(toFolder);
  }
  const index = new Map();
  const low = new Map();
  const component = new Map();
  const stack = [];
  let counter = 0;
  const visit = (folder) => {
    index.set(folder, counter);
    low.set(folder, counter);
    counter += 1;
    stack.push(folder);
    for (const to of next.get(folder)) {
      if (!index.has(to)) {
        visit(to);
        low.set(folder, Math.min(low.get(folder), low.get(to)));
      } else if (!component.has(to)) {
        low.set(folder, Math.min(low.get(folder), index.get(to)));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      for (let member = stack.pop(); ; member = stack.pop()) {
        component.set(member, folder);
        if (member === folder) break;
      }
    }
  };
  for (const folder of next.keys()) if (!index.has(folder)) visit(folder);
  return component;
}

/**
 * The imports between folders that `allowed` (folder → folders it may import, or `'*'`) does
 * not list, each with the reason: the importing folder is not declared, or the edge is not.
 */
export function unlistedImports(imports, allowed) {
  return imports.flatMap(({ from, to }) => {
    const [fromFolder, toFolder] = [folderOf(from), folderOf(to)];
    if (fromFolder === toFolder) return [];
    const may = allowed[fromFolder];
    if (may === undefined) return [{ from, to, reason: `${fromFolder} is not a declared layer` }];
    if (may === '*' || may.includes(toFolder)) return [];
    return [{ from, to, reason: `${fromFolder} may not import ${toFolder}` }];
  });
}
