// The library API for batch scripts: the same FileResult objects the CLI prints.
export { transformSource, transformSourceSync, type TransformSourceOptions } from './transform-source.js';
export { run, type RunOptions, type RunResult } from './runner.js';
export { loadTransforms, type TransformSelection } from './load-transforms.js';
export { initParser } from './parser.js';
export { Bindings, type Value, type Scope, type BindingSite, type ClassReference } from './bindings.js';
export { summarize, type Summary } from './report/summary.js';
export { BUILTIN_TRANSFORMS } from '../transforms/index.js';
export type {
  Edit,
  FileResult,
  FileStatus,
  Finding,
  FindingStatus,
  RawFinding,
  Transform,
  TransformContext,
  TransformOptions,
  TransformResult,
} from './types.js';
export type { Suppressor, SiteKind } from './suppression.js';
