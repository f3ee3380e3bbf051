/** mulberry32: uniform in [0, 1), the same numbers for the same seed. */
export function mulberry32(seed: number): () => number;
