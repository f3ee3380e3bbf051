/** Caps a generated module's length in lines (default 3,500): the ftplib uses are the same whatever the cap. */
export interface Sizes {
  maxLines?: number;
}
/** The text of generated file number `i` (deterministic for a seed). */
export function generateFile(i: number, seed?: number, sizes?: Sizes): string;
/** Generated file number `i` without its ftplib uses: the same module otherwise, never mentioning ftplib. */
export function generatePlainFile(i: number, seed?: number, sizes?: Sizes): string;
/** Writes `count` generated files under `dir`; returns their paths in generation order. */
export function generateTree(dir: string, options?: { count?: number; seed?: number } & Sizes): string[];
