/** The text of generated file number `i` (deterministic for a seed). */
export function generateFile(i: number, seed?: number): string;
/** Generated file number `i` without its ftplib uses: the same module otherwise, never mentioning ftplib. */
export function generatePlainFile(i: number, seed?: number): string;
/** Writes `count` generated files under `dir`; returns their paths in generation order. */
export function generateTree(dir: string, options?: { count?: number; seed?: number }): string[];
