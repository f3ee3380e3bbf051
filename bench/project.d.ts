/** Writes the generated project under `dir`; returns its file count. */
export function generateProject(dir: string, options?: { modules?: number }): number;
