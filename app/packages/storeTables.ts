/**
 * Key-value tables for the page's package store: IndexedDB of the page (out of reach of a
 * run's code, which lives in the sandbox's opaque origin), kept in memory instead whenever
 * IndexedDB fails (private mode, a full disk) — the page goes on working, and says so once.
 */

/** The tables the package store keeps. */
export const TABLES = ['wheels', 'handWheels', 'locks', 'images'] as const;
/** One of them. */
export type TableName = (typeof TABLES)[number];

/** Values by key, in named tables. */
export interface Tables {
  get(table: TableName, key: string): Promise<unknown>;
  put(table: TableName, key: string, value: unknown): Promise<void>;
  delete(table: TableName, key: string): Promise<void>;
}

/** Tables in memory (for this visit only). */
export function memoryTables(): Tables {
  const maps = new Map(TABLES.map((name) => [name, new Map<string, unknown>()]));
  const map = (table: TableName): Map<string, unknown> => maps.get(table) ?? new Map();
  return {
    get: async (table, key) => map(table).get(key),
    put: async (table, key, value) => void map(table).set(key, value),
    delete: async (table, key) => void map(table).delete(key),
  };
}

/** A request's result as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () =>
      reject(request.error ?? new Error('IndexedDB request failed')),
    );
  });
}

/** Tables in the IndexedDB database `name` of `factory`. */
export function indexedDbTables(factory: IDBFactory, name: string): Tables {
  let opened: Promise<IDBDatabase> | null = null;
  const database = (): Promise<IDBDatabase> => {
    opened ??= new Promise((resolve, reject) => {
      const request = factory.open(name, 1);
      request.addEventListener('upgradeneeded', () => {
        for (const table of TABLES) request.result.createObjectStore(table);
      });
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () =>
        reject(request.error ?? new Error('IndexedDB did not open')),
      );
      request.addEventListener('blocked', () =>
        reject(new Error('IndexedDB is blocked by another tab')),
      );
    });
    return opened;
  };
  async function inTable<T>(
    table: TableName,
    mode: IDBTransactionMode,
    act: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const transaction = (await database()).transaction(table, mode);
    // A write is kept once its transaction completes (a full disk aborts it then).
    const committed = new Promise<void>((resolve, reject) => {
      transaction.addEventListener('complete', () => resolve());
      transaction.addEventListener('error', () =>
        reject(transaction.error ?? new Error('IndexedDB write failed')),
      );
      transaction.addEventListener('abort', () =>
        reject(transaction.error ?? new Error('IndexedDB write aborted')),
      );
    });
    const [result] = await Promise.all([done(act(transaction.objectStore(table))), committed]);
    return result;
  }
  return {
    get: (table, key) => inTable(table, 'readonly', (store) => store.get(key)),
    put: async (table, key, value) =>
      void (await inTable(table, 'readwrite', (store) => store.put(value, key))),
    delete: async (table, key) =>
      void (await inTable(table, 'readwrite', (store) => store.delete(key))),
  };
}

/**
 * `primary`, with `memory` taking over any value it cannot keep or give: what failed to be
 * written is read from memory, and `onFailure` hears of the first failure (once).
 */
export function resilientTables(
  primary: Tables | null,
  onFailure: (error: unknown) => void,
): Tables {
  const memory = memoryTables();
  let failed = false;
  const failure = (error: unknown): void => {
    if (!failed) onFailure(error);
    failed = true;
  };
  return {
    async get(table, key) {
      const kept = await memory.get(table, key);
      if (kept !== undefined || !primary) return kept;
      try {
        return await primary.get(table, key);
      } catch (error) {
        failure(error);
        return undefined;
      }
    },
    async put(table, key, value) {
      try {
        if (!primary) throw new Error('IndexedDB is not available');
        await primary.put(table, key, value);
        await memory.delete(table, key);
      } catch (error) {
        failure(error);
        await memory.put(table, key, value);
      }
    },
    async delete(table, key) {
      await memory.delete(table, key);
      try {
        await primary?.delete(table, key);
      } catch (error) {
        failure(error);
      }
    },
  };
}
