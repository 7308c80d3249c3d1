import type { ResultTabProps } from './resultTabProps.ts';

/** The Wire tab (being built). */
export function WireTab({ trace }: ResultTabProps) {
  return <p className="empty">{trace.events.length} events — the Wire view is being built.</p>;
}
