/** The shape of `preparePackages` (src/packages/prepare.ts), as the page calls it. */
export type {
  PackageError,
  PackageErrorKind,
  PackageProgress,
  Prepared,
  PrepareRequest,
  PrepareWorld,
  WheelCache,
} from '../../src/packages/index.ts';
