/** Types of layerGraph.mjs, for its test. */
export interface FileImport {
  from: string;
  to: string;
}
export function specifiersOf(source: string): string[];
export function folderOf(file: string): string;
export function cyclicImports(imports: readonly FileImport[]): FileImport[];
export function folderGraph(imports: readonly FileImport[]): Map<string, string[]>;
export function unlistedImports(
  imports: readonly FileImport[],
  allowed: Readonly<Record<string, readonly string[] | '*'>>,
): (FileImport & { reason: string })[];
