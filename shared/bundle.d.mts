// Types of bundle.mjs, for the test that runs the built core.
export const bundles: [entry: string, output: string, budget: number, options?: object][];
export function bundle(entry: string): Promise<string>;
