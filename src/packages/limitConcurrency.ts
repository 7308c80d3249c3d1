/**
 * At most N tasks at a time: the page fetches wheels in parallel, but not so many that a
 * slow connection splits into dozens of trickles or a server starts refusing.
 */

/** A function that runs each task it is given once fewer than `most` are running. */
export function limitConcurrency(most: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its slot straight to the first waiting one.
    if (running >= most) await new Promise<void>((start) => waiting.push(start));
    else running++;
    try {
      return await task();
    } finally {
      const handOn = waiting.shift();
      if (handOn) handOn();
      else running--;
    }
  };
}
