/** A count with its noun, singular or plural: "1 byte", "3 bytes"; `show` writes the count. */
export function plural(
  count: number,
  noun: string,
  show: (count: number) => string = String,
): string {
  return `${show(count)} ${noun}${count === 1 ? '' : 's'}`;
}
