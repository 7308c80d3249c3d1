import { describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  exampleById,
  exampleRequest,
  singleFileProject,
  type RunInput,
  type Trace,
} from '../../src/index.ts';
import { DEFAULT_CODE, DEFAULT_REQUEST } from '../state/defaultExample.ts';
import {
  createPlaygroundStore,
  DEFAULT_RUN_SETTINGS,
  stateCode,
} from '../state/playgroundStore.ts';
import {
  dismissExample,
  isOwnProject,
  loadedExample,
  loadExample,
  nextExample,
  subscribeLoadedExample,
  teaserOf,
  undoLoad,
} from './loadExample.ts';

/** A store whose engine records each run and answers at once. */
function storeWithEngine(code = DEFAULT_CODE) {
  const runs: RunInput[] = [];
  const engine = {
    run: (input: RunInput) => {
      runs.push(input);
      return Promise.resolve({ outcome: 'complete', stats: { ms: 1 } } as unknown as Trace);
    },
  };
  const store = createPlaygroundStore({
    engine,
    project: singleFileProject(code),
    request: DEFAULT_REQUEST,
    live: false,
  });
  return { store, runs };
}

const example = (id: string) => {
  const found = exampleById(id);
  if (!found) throw new Error(`no example ${id}`);
  return found;
};

describe('loadExample', () => {
  it('loads the code, the request and default settings, and runs them', async () => {
    const { store, runs } = storeWithEngine();
    store.setSettings({ personality: 'cgi', compareValidate: true });
    const post = example('post-form');
    await loadExample(store, post);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.project?.files['app.py']).toBe(post.code);
    expect(runs[0]?.request.method).toBe('POST');
    expect(runs[0]?.request.bodyBase64).toBe(exampleRequest(post).bodyBase64);
    // Back to the defaults, but the comparison the person asked for stays on.
    expect(store.getState().settings).toEqual({ ...DEFAULT_RUN_SETTINGS, compareValidate: true });
    expect(loadedExample(store)).toEqual({ example: post, replaced: null });
  });

  it('keeps the person’s own code across examples, and puts it back on undo', async () => {
    const { store, runs } = storeWithEngine('def application(e, s): pass  # mine');
    store.setRequest({ target: '/mine' });
    let changes = 0;
    subscribeLoadedExample(store, () => (changes += 1));
    await loadExample(store, example('hello-world'));
    await loadExample(store, example('bug-connection-close'));
    expect(loadedExample(store)?.replaced?.project.files['app.py']).toContain('# mine');
    await undoLoad(store);
    expect(stateCode(store.getState())).toContain('# mine');
    expect(store.getState().request.target).toBe('/mine');
    expect(runs.at(-1)?.project?.files['app.py']).toContain('# mine');
    expect(loadedExample(store)).toBeNull();
    expect(changes).toBe(3);
    expect(undoLoad(store)).toBeNull();
  });

  it('forgets the example when its banner is dismissed', async () => {
    const { store } = storeWithEngine();
    await loadExample(store, example('hello-world'));
    dismissExample(store);
    expect(loadedExample(store)).toBeNull();
  });
});

/** Whether one file of `code` counts as the person's own. */
const own = (code: string) => isOwnProject(singleFileProject(code));

describe('gallery helpers', () => {
  it('tells the person’s code from the default app and the examples', () => {
    expect(own(DEFAULT_CODE)).toBe(false);
    expect(own(`${example('hello-class').code}\n\n`)).toBe(false);
    expect(own(`${DEFAULT_CODE}# edited\n`)).toBe(true);
  });

  it('walks the course in order and teases with the first sentence', () => {
    expect(nextExample(EXAMPLES[0] ?? example('hello-world'))).toBe(EXAMPLES[1]);
    expect(nextExample(EXAMPLES.at(-1) ?? example('hello-world'))).toBeUndefined();
    expect(teaserOf(example('hello-world'))).toBe('The smallest complete WSGI app.');
  });
});
