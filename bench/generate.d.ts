/** The text of generated file number `i` (deterministic for a seed). */
export function generateFile(i: number, seed?: number): string;
/** Writes `count` generated files under `dir`; returns their paths in generation order. */
export function generateTree(dir: string, options?: { count?: number; seed?: number }): string[];
