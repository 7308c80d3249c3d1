/** The part of the package session that loads when a project first has packages. */
import { packageErrorWords } from './packageErrorWords.ts';
import { openPackageStore } from './packageStore.ts';
import { preparePackageSet } from './preparePackageSet.ts';
import type { PackageWorks } from './packagesSession.ts';

/** Open the page's package store (`onFallback`: IndexedDB failed) with the preparer. */
export function packageWorks(
  factory: IDBFactory | undefined,
  onFallback: (message: string) => void,
): PackageWorks {
  return {
    store: openPackageStore(factory, onFallback),
    prepare: preparePackageSet,
    words: packageErrorWords,
  };
}
