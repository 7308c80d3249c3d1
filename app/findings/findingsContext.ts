/**
 * The findings of the shown run, for the views deep inside the result tabs (timeline rows,
 * event details) without threading them through every component in between.
 */
import { createContext, useContext } from 'react';
import type { Finding } from '../../src/index.ts';

/** What the result views need to show findings and the validate comparison. */
export interface FindingsView {
  /** The findings of the shown run, as the rules return them. */
  findings: readonly Finding[];
  /** The same, by the event they concern (most serious first). */
  bySeq: ReadonlyMap<number, readonly Finding[]>;
  /** Whether runs also go through wsgiref.validate. */
  compareValidate: boolean;
  /** A run is on its way (its findings will replace these). */
  running: boolean;
  /** Switch the validate comparison on or off (and run again). */
  onCompareValidate: (on: boolean) => void;
}

/** No findings, and no comparison to switch. */
export const NO_FINDINGS: FindingsView = {
  findings: [],
  bySeq: new Map(),
  compareValidate: false,
  running: false,
  onCompareValidate: () => {},
};

/** Provides the shown run's findings to the result views. */
export const FindingsContext = createContext<FindingsView>(NO_FINDINGS);

/** The shown run's findings and the comparison switch. */
export function useFindings(): FindingsView {
  return useContext(FindingsContext);
}

const NONE: readonly Finding[] = [];

/** The findings about one event (most serious first; none if `seq` is undefined). */
export function useEventFindings(seq: number | undefined): readonly Finding[] {
  const { bySeq } = useContext(FindingsContext);
  return (seq !== undefined && bySeq.get(seq)) || NONE;
}
