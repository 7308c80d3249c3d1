/**
 * The page's entry, kept tiny: start the Python worker first (Pyodide takes ~2 s to boot),
 * then load the page itself, which adopts the worker. Both download in parallel.
 */
import { bootPythonEarly } from './earlyBoot.ts';
import { registerServiceWorkerLater } from './serviceWorkerRegistration.ts';

bootPythonEarly();
void import('./bootstrap.tsx');
registerServiceWorkerLater();
