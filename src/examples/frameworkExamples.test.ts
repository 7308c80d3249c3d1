/**
 * The Frameworks chapter tells what its explanations say: the view's line behind the
 * framework's start_response, the exception after the headers went out, the form a middleware
 * ate. Its examples install their requirements from Debian's wheels (exampleWheels.testing.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { fromBase64 } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import { exampleProject } from './example.ts';
import { EXAMPLES, exampleById, exampleRequest } from './gallery.ts';
import { exampleWheels, HAVE_DEBIAN_WHEELS, NO_WHEELS } from './exampleWheels.testing.ts';

/** Run a gallery example with its requirements installed. */
async function runExample(engine: NodeEngine, id: string): Promise<Trace> {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  return engine.run({
    project: exampleProject(example),
    request: exampleRequest(example),
    wheels: await exampleWheels(example),
  });
}

const body = (trace: Trace): string =>
  new TextDecoder().decode(fromBase64(trace.response.bodyBase64));
const kinds = (trace: Trace): string[] => trace.events.map((event) => event.kind);

describe('the Frameworks chapter', () => {
  it('names the requirements of each of its examples, and only there', () => {
    for (const example of EXAMPLES) {
      expect(example.requirements !== undefined, example.id).toBe(example.group === 'frameworks');
    }
  });

  describe.skipIf(!HAVE_DEBIAN_WHEELS)(HAVE_DEBIAN_WHEELS ? 'run' : `run (${NO_WHEELS})`, () => {
    let engine: NodeEngine;
    beforeAll(async () => {
      engine = await createNodeEngine();
    });

    it("points Flask's start_response through Werkzeug to the view's line", async () => {
      const trace = await runExample(engine, 'flask-json');
      expect(body(trace)).toBe('{"greeting":"Hello, Ada!","length":3}\n');
      const start = trace.events.find((event) => event.kind === 'start_response');
      expect(start?.line).toBe(9); // the view's return
      expect(start?.stack?.map((frame) => frame.file)).toContain('werkzeug/wrappers/response.py');
    });

    it('raises outside the request context after the headers went out, and not with the fix', async () => {
      const bug = await runExample(engine, 'flask-stream-outside-context');
      expect(bug.outcome).toBe('app-error');
      const order = kinds(bug);
      expect(order.indexOf('headers.commit')).toBeLessThan(order.indexOf('exception'));
      const raised = bug.events.find((event) => event.kind === 'exception');
      expect(raised?.kind === 'exception' && raised.message).toMatch(
        /^Working outside of request context/,
      );
      expect(body(bug)).toBe('counting down\n');
      const fix = await runExample(engine, 'flask-stream-with-context');
      expect(fix.outcome).toBe('complete');
      expect(body(fix)).toBe('counting down\n3\n2\n1\n');
    });

    it('answers 400 when a middleware ate the form, and the form when it hands it on', async () => {
      const bug = await runExample(engine, 'flask-middleware-eats-form');
      expect(bug.response.status).toBe('400 BAD REQUEST');
      expect(bug.errorLog).toBe("body: b'name=Ada&plan=free'\n");
      expect(kinds(bug).filter((kind) => kind === 'input.read')).toHaveLength(2);
      const fix = await runExample(engine, 'flask-middleware-rewinds-form');
      expect(fix.response.status).toBe('200 OK');
      expect(body(fix)).toBe('Signed up: Ada\n');
      expect(kinds(fix).filter((kind) => kind === 'input.read')).toHaveLength(1);
    });
  });
});
