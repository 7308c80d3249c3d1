// Which folder may import which: the README's "Where a change belongs" table, as data.
// `scripts/check-layers.mjs` fails on an import that is not listed here (an upward import,
// or a sideways one nobody decided on) and on a folder that is not listed at all. To add a
// folder or an edge, add it here and to the README's table, lower layers first.

const ENGINE = [
  'src/trace',
  'src/project',
  'src/view',
  'src/request',
  'src/python',
  'src/runtime',
  'src/rules',
];

/** Folder → the folders its files may import (a folder may always import itself). */
export const LAYER_IMPORTS = {
  'src/trace': [],
  'src/project': [],
  'src/view': ['src/trace'],
  'src/request': ['src/trace'],
  'src/python': ['src/trace', 'src/project'],
  'src/runtime': ['src/trace', 'src/project', 'src/python'],
  'src/rules': ['src/trace', 'src/project'],
  'src/examples': ['src/trace', 'src/project', 'src/request'],
  'src/share': ['src/trace', 'src/project', 'src/request', 'src/runtime', 'src/python'],
  'src/compare': ['src/trace', 'src/project', 'src/view', 'src/rules'],
  'src/cli': ['src/trace', 'src/project', 'src/view', 'src/runtime', 'src/rules'],
  'src/(root)': [...ENGINE, 'src/examples', 'src/share', 'src/compare'],
  'app/layout': [],
  'app/common': ['src/(root)'],
  'app/state': ['src/(root)'],
  'app/editor': ['app/common', 'app/layout', 'src/(root)'],
  'app/findings': ['app/common', 'app/editor', 'app/state', 'src/(root)', 'src/rules'],
  'app/timeline': ['app/common', 'app/editor', 'app/findings', 'app/layout', 'src/(root)'],
  'app/results': ['app/common', 'app/findings', 'app/layout', 'app/timeline', 'src/(root)'],
  'app/request': ['app/common', 'app/layout', 'app/state', 'src/(root)', 'src/share'],
  'app/gallery': [
    'app/findings',
    'app/layout',
    'app/request',
    'app/state',
    'src/(root)',
    'src/rules',
  ],
  'app/livePause': ['app/common', 'app/state', 'app/timeline', 'src/(root)'],
  'app/share': [
    'app/common',
    'app/editor',
    'app/gallery',
    'app/layout',
    'app/request',
    'app/state',
    'app/timeline',
    'src/(root)',
    'src/share',
  ],
  'app/compare': [
    'app/common',
    'app/editor',
    'app/findings',
    'app/layout',
    'app/share',
    'app/state',
    'src/(root)',
  ],
  'app/(root)': '*',
};
