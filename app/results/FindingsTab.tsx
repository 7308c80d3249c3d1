import type { ResultTabProps } from './resultTabProps.ts';

/** The Findings tab (being built). */
export function FindingsTab({ trace }: ResultTabProps) {
  return <p className="empty">{trace.events.length} events — the Findings view is being built.</p>;
}
