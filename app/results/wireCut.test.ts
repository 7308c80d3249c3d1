import { describe, expect, it } from 'vitest';
import { buildWireMap } from '../../src/index.ts';
import { HEAD, generator } from '../../src/view/stepState.testing.ts';
import { stepCutNote, wireMapUpTo } from './wireCut.ts';

describe('wireMapUpTo', () => {
  const map = buildWireMap(generator());

  it('keeps the spans before the cut and cuts the one across it', () => {
    const cut = wireMapUpTo(map, HEAD.length + 2);
    expect(cut.totalBytes).toBe(HEAD.length + 2);
    expect(cut.bytes).toHaveLength(HEAD.length + 2);
    expect(cut.spans.at(-1)).toMatchObject({ start: HEAD.length + 1, end: HEAD.length + 2 });
    expect(cut.spans.every((span) => span.end <= HEAD.length + 2)).toBe(true);
    expect(wireMapUpTo(map, 0).spans).toEqual([]);
  });

  it('is the whole map once every byte is sent', () => {
    expect(wireMapUpTo(map, map.totalBytes)).toBe(map);
  });

  it('says which bytes of how many it shows', () => {
    const wire = buildWireMap(generator(HEAD.length));
    expect(wireMapUpTo(wire, HEAD.length + 2)).toMatchObject({
      keptBytes: HEAD.length,
      totalBytes: HEAD.length + 2,
      truncated: true,
    });
    expect(stepCutNote({ step: 5, count: 8 }, 46, 48)).toBe('As of step 5 of 8: 46 of 48 bytes.');
    expect(stepCutNote({ step: 8, count: 8 }, 3, 3, 'body byte')).toBe(
      'As of step 8 of 8: 3 of 3 body bytes (all of them).',
    );
  });
});
