/** Why some chunk times are estimates, in words (see `Trace.interpolatedTimes`). */
export const INTERPOLATED =
  'Interpolated: in a stream of chunks faster than a clock reading, the server reads the ' +
  'clock for every 16th chunk only; the times between are estimated from the readings around them.';
