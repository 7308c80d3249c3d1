/** Types of layerRules.mjs, for its test. */
export const LAYER_IMPORTS: Readonly<Record<string, readonly string[] | '*'>>;
