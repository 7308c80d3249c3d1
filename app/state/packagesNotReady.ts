/**
 * A run that did not start because its packages could not be made ready: the store shows it as
 * such (with what to do), not as an engine failure. Thrown by the page's package runner.
 */
export class PackagesNotReady extends Error {
  override name = 'PackagesNotReady';
  /** A heading: what went wrong, in a few words. */
  readonly title: string;
  /** What the person can do about it. */
  readonly hint: string;
  constructor(
    words: { title: string; message: string; hint: string },
    /** Wheel files added by hand that this browser lacks, if that is what is wrong. */
    readonly missingFiles: readonly string[] = [],
  ) {
    super(words.message);
    this.title = words.title;
    this.hint = words.hint;
  }
}
