/**
 * Findings: what the rules say about a Trace, as data.
 *
 * A rule reads a Trace (never the code) and reports each place where the app broke, or came
 * close to breaking, a rule of PEP 3333 — at the event and source line it concerns.
 */
import type { Trace } from '../trace/schema.ts';

/** How bad a finding is: `error` breaks the protocol, `warning` risks it, `info` explains. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One thing a rule found in a run. */
export interface Finding {
  /** The rule's id, e.g. `write-before-start-response`. */
  rule: string;
  severity: Severity;
  /** What happened, in plain words. */
  message: string;
  /** The event it concerns. */
  seq?: number;
  /** The line of the app's code it concerns. */
  line?: number;
  /** The PEP 3333 section the rule enforces (URL with anchor). */
  pep: string;
  /** How to fix it. */
  hint?: string;
}

/** What a rule's check reports; the rule adds its id, severity, PEP link and hint. */
export interface RuleHit {
  message: string;
  seq?: number | undefined;
  line?: number | undefined;
  /** A hint for this case, instead of the rule's general one. */
  hint?: string;
}

/** A protocol rule: its description (for docs and the UI) and its check over a Trace. */
export interface Rule {
  /** Stable kebab-case id, named for what it detects. */
  id: string;
  severity: Severity;
  /** A short title, e.g. "start_response called twice". */
  title: string;
  /** What it detects, in one or two sentences. */
  detects: string;
  /** The exact PEP 3333 sentence(s) it enforces. */
  pepQuote: string;
  /** The PEP 3333 section, with its anchor. */
  pepUrl: string;
  /** How to fix what it finds. */
  hint: string;
  /** Report every place in the trace where the rule is broken. */
  check(trace: Trace): RuleHit[];
}
