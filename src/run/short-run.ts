// V8 runs WebAssembly compiled for a quick start (Liftoff) and optimises a function (TurboFan) once it has run
// for a while, its tiering budget. For tree-sitter's parser the default budget is spent within the first parse
// of even a 10-line file, and optimising the parser then takes about 80 ms of CPU on a background thread,
// which the process waits for before it exits: more than the whole parse of a short run. A run of named files
// (an editor, a hook) asks for a budget about 500 times larger, which long parses still spend: past some
// 8,000 lines the parser is optimised as before. The flag is process-wide and read as a parser starts, so this
// comes before the first; a V8 that may not know it is left alone (an unknown flag is an error on stderr).
import v8 from 'node:v8';

export function optimiseParserLater(): void {
  const major = Number(process.versions.v8.split('.')[0]);
  if (major >= 10 && major <= 14) v8.setFlagsFromString('--wasm-tiering-budget=1000000000');
}
