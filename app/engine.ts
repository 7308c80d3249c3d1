import { createBrowserEngine, type BrowserEngine, type ImageStore } from '../src/index.ts';
import { createPageSandbox } from './earlyBoot.ts';

/**
 * Start the engine, adopting the sandbox and worker `earlyBoot.ts` already set booting;
 * `imageStore` keeps the interpreter image of each package set between visits.
 */
export function startEngine(imageStore?: ImageStore): BrowserEngine {
  const early = window.__wsgiEarlySandbox;
  window.__wsgiEarlySandbox = undefined; // a second engine (e.g. in tests) has its own
  const sandbox = early?.sandbox ?? createPageSandbox();
  return createBrowserEngine({
    launch: sandbox.launch,
    addPackages: sandbox.addPackages,
    ...(early ? { early: early.first } : {}),
    ...(imageStore ? { imageStore } : {}),
  });
}
