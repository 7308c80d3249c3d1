import type { ResultTabProps } from './resultTabProps.ts';

/** The Environ tab (being built). */
export function EnvironTab({ trace }: ResultTabProps) {
  return <p className="empty">{trace.events.length} events — the Environ view is being built.</p>;
}
