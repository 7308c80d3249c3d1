/** Types of pythonWorkers.mjs, for the specs. */
import type { Page } from '@playwright/test';

export function countPythonWorkers(page: Page): { alive: number; most: number; started: number };
