import { APP, CLIENT, SERVER, type LaneId } from '../../src/index.ts';

/** The letters a lane keeps in a narrow header: three fit a 28 px lane at the header's size. */
const KEPT = 3;

/**
 * A lane's name short enough for a narrow diagram: `Cli`, `Srv`, `App`, and a middleware
 * layer's first three letters once a "Middleware" ending is dropped (`GzipMiddleware` → `Gzi`).
 * The full name stays the header's tooltip and accessible name.
 */
export function laneShortName(lane: LaneId): string {
  if (lane === CLIENT) return 'Cli';
  if (lane === SERVER) return 'Srv';
  if (lane === APP) return 'App';
  const stem = lane.replace(/_?middleware$/i, '') || lane;
  // By code point, so that a name in any script is not cut inside a character.
  return [...stem].slice(0, KEPT).join('');
}
