import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { RULES, runRules } from '../rules/index.ts';
import { EXAMPLE_GROUPS, exampleProject } from './example.ts';
import { EXAMPLES, exampleFileName, exampleRequest } from './gallery.ts';
import { exampleWheels, lacksWheels, NO_WHEELS } from './exampleWheels.testing.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

describe('the examples gallery', () => {
  it('has at least 25 examples, in course order, each with its own file', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(25);
    const order = EXAMPLES.map((e) => EXAMPLE_GROUPS.findIndex((g) => g.id === e.group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const group of EXAMPLE_GROUPS) {
      expect(
        EXAMPLES.some((e) => e.group === group.id),
        group.id,
      ).toBe(true);
    }
    // Each example is one file in apps/, or a folder in projects/ (never both).
    const files = readdirSync(join(import.meta.dirname, 'apps')).sort();
    const folders = readdirSync(join(import.meta.dirname, 'projects')).sort();
    const single = EXAMPLES.filter((e) => !e.project);
    expect(files).toEqual(single.map((e) => exampleFileName(e.id)).sort());
    expect(folders).toEqual(
      EXAMPLES.filter((e) => e.project)
        .map((e) => e.id.replaceAll('-', '_'))
        .sort(),
    );
    for (const example of EXAMPLES.filter((e) => e.project)) {
      expect(Object.keys(example.project?.files ?? {})[0], example.id).toBe('app.py');
      expect(Object.keys(example.project?.files ?? {}).length, example.id).toBeGreaterThan(1);
    }
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
  });

  it('explains each example in 2–4 sentences and expects only known rules', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const example of EXAMPLES) {
      const sentences = example.explanation.split(/(?<=[.!?])\s+(?=[A-Za-z"'])/).length;
      expect(sentences, example.id).toBeGreaterThanOrEqual(2);
      expect(sentences, example.id).toBeLessThanOrEqual(4);
      for (const rule of example.expectedFindings) expect(ids.has(rule), rule).toBe(true);
    }
  });

  // An example with requirements installs them from Debian's wheels (exampleWheels.testing.ts).
  for (const example of EXAMPLES) {
    const title = `${example.id}: finds exactly ${example.expectedFindings.join(', ') || 'nothing'}`;
    const skip = lacksWheels(example);
    it.skipIf(skip)(skip ? `${title} (${NO_WHEELS})` : title, async () => {
      const trace = await engine.run({
        project: exampleProject(example),
        request: exampleRequest(example),
        wheels: await exampleWheels(example),
        ...(example.settings ? { settings: example.settings } : {}),
      });
      const findings = runRules(trace);
      const found = [...new Set(findings.map((f) => f.rule))].sort();
      expect(found, JSON.stringify(findings, null, 2)).toEqual(
        [...example.expectedFindings].sort(),
      );
      expect(trace.outcome).not.toMatch(/syntax-error|load-error|bad-request|limit/);
    });
  }
});
