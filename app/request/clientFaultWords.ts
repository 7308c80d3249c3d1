import type { RunSettings } from '../state/playgroundStore.ts';

/** The client-fault settings of a run. */
export type ClientFaults = Pick<RunSettings, 'disconnectAfter' | 'shortBody' | 'slowClient'>;

/** No client fault: what clearing them sets. */
export const NO_CLIENT_FAULTS: ClientFaults = {
  disconnectAfter: null,
  shortBody: null,
  slowClient: null,
};

/**
 * The client faults that are on, each in a few words ("goes away after 5 bytes"); empty when
 * the client behaves. Shown on the request line, so a fault set long ago is never forgotten.
 */
export function clientFaultWords(faults: ClientFaults): string[] {
  const words: string[] = [];
  const { disconnectAfter, shortBody, slowClient } = faults;
  if (typeof disconnectAfter === 'number') words.push(`goes away after ${disconnectAfter} bytes`);
  if (typeof shortBody === 'number') words.push(`sends only ${shortBody} bytes of its body`);
  if (typeof slowClient === 'number' && slowClient > 0)
    words.push(`reads slowly (${slowClient} ms a write)`);
  return words;
}
