import { describe, expect, it } from 'vitest';
import {
  cyclicImports,
  folderGraph,
  folderOf,
  specifiersOf,
  unlistedImports,
} from './layerGraph.mjs';
import { LAYER_IMPORTS } from './layerRules.mjs';

describe('specifiersOf', () => {
  it('finds static, re-exported, bare, dynamic and glob imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type {\n  B,\n  C,\n} from '../b/c.ts';",
      "export { d } from './d.ts';",
      "export * from './e.ts';",
      "import './styles.css';",
      "const F = lazy(() => import('./F.tsx'));",
      "const g = await import(/* @vite-ignore */ './g.ts');",
      "const apps = import.meta.glob('./apps/*.py', { eager: true });",
      "import CODE from './app.py?raw';",
    ].join('\n');
    expect(specifiersOf(source).sort()).toEqual(
      [
        './a.ts',
        '../b/c.ts',
        './d.ts',
        './e.ts',
        './styles.css',
        './F.tsx',
        './g.ts',
        './apps/*.py',
        './app.py?raw',
      ].sort(),
    );
  });

  it('leaves out imports mentioned in comments, and computed ones', () => {
    const source = [
      '/**',
      " * Loaded with `import('./later.ts')` when asked.",
      ' */',
      "// import { old } from './old.ts';",
      'const m = await import(url);',
    ].join('\n');
    expect(specifiersOf(source)).toEqual([]);
  });
});

describe('folderOf', () => {
  it('is the first two segments, or the root of app/ or src/', () => {
    expect(folderOf('app/timeline/EventRow.tsx')).toBe('app/timeline');
    expect(folderOf('src/runtime/sandbox/frameMain.ts')).toBe('src/runtime');
    expect(folderOf('app/App.tsx')).toBe('app/(root)');
    expect(folderOf('src/index.ts')).toBe('src/(root)');
  });
});

describe('cyclicImports', () => {
  it('passes imports that go one way, and imports inside a folder', () => {
    const imports = [
      { from: 'app/App.tsx', to: 'app/results/ResultsTabs.tsx' },
      { from: 'app/results/ResultsTabs.tsx', to: 'app/timeline/TimelineTab.tsx' },
      { from: 'app/timeline/TimelineTab.tsx', to: 'app/timeline/EventList.tsx' },
      { from: 'app/timeline/EventList.tsx', to: 'app/timeline/TimelineTab.tsx' },
    ];
    expect(cyclicImports(imports)).toEqual([]);
  });

  it('reports both imports of two folders that import each other', () => {
    const imports = [
      { from: 'app/results/ResultsTabs.tsx', to: 'app/timeline/TimelineTab.tsx' },
      { from: 'app/timeline/ChunkPreview.tsx', to: 'app/results/HexView.tsx' },
      { from: 'app/App.tsx', to: 'app/results/ResultsTabs.tsx' },
    ];
    expect(cyclicImports(imports)).toEqual(imports.slice(0, 2));
  });

  it('reports every import of a longer cycle, counting the app root as a folder', () => {
    const imports = [
      { from: 'app/App.tsx', to: 'app/findings/useFindingsView.ts' },
      { from: 'app/findings/useFindingsView.ts', to: 'app/timeline/revealInEditor.ts' },
      { from: 'app/timeline/EventFields.tsx', to: 'app/formatting.ts' },
      { from: 'app/timeline/EventFields.tsx', to: 'src/index.ts' },
    ];
    expect(cyclicImports(imports)).toEqual(imports.slice(0, 3));
  });
});

describe('folderGraph', () => {
  it('lists, for each folder, the other folders it imports', () => {
    const graph = folderGraph([
      { from: 'app/results/WireTab.tsx', to: 'app/common/formatting.ts' },
      { from: 'app/results/WireTab.tsx', to: 'app/results/HexView.tsx' },
      { from: 'app/results/ResultsTabs.tsx', to: 'app/common/formatting.ts' },
      { from: 'app/common/formatting.ts', to: 'src/index.ts' },
    ]);
    expect([...graph]).toEqual([
      ['app/common', ['src/(root)']],
      ['app/results', ['app/common']],
    ]);
  });
});

describe('unlistedImports', () => {
  const allowed = { 'src/view': ['src/trace'], 'src/trace': [], 'app/(root)': '*' } as const;

  it('passes listed imports, imports inside a folder, and anything from a "*" folder', () => {
    const imports = [
      { from: 'src/view/wireMap.ts', to: 'src/trace/bytes.ts' },
      { from: 'src/trace/parseTrace.ts', to: 'src/trace/schema.ts' },
      { from: 'app/App.tsx', to: 'src/view/wireMap.ts' },
    ];
    expect(unlistedImports(imports, allowed)).toEqual([]);
  });

  it('reports an upward import even when it makes no cycle, and an undeclared folder', () => {
    const imports = [
      { from: 'src/trace/schema.ts', to: 'src/rules/pep.ts' },
      { from: 'src/rules/pep.ts', to: 'src/trace/schema.ts' },
    ];
    expect(cyclicImports(imports)).toHaveLength(2);
    expect(unlistedImports([imports[0]!], allowed)).toEqual([
      { ...imports[0], reason: 'src/trace may not import src/rules' },
    ]);
    expect(unlistedImports([imports[1]!], allowed)).toEqual([
      { ...imports[1], reason: 'src/rules is not a declared layer' },
    ]);
  });
});

describe('LAYER_IMPORTS', () => {
  it('lists only declared folders, and no two that may import each other', () => {
    const edges = Object.entries(LAYER_IMPORTS).flatMap(([from, to]) =>
      to === '*' ? [] : to.map((folder) => ({ from: `${from}/x.ts`, to: `${folder}/x.ts` })),
    );
    for (const { to } of edges) expect(Object.keys(LAYER_IMPORTS)).toContain(folderOf(to));
    expect(cyclicImports(edges)).toEqual([]);
  });
});
