import { describe, expect, it } from 'vitest';
import { cyclicImports, folderGraph, folderOf, specifiersOf } from './layerGraph.mjs';

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
