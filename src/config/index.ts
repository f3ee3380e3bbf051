// Configuration files ([tool.ftptls] in pyproject.toml, ftptls.toml): reading and checking one (file.ts),
// finding the closest (discover.ts), putting the options given over it (settings.ts), and runs where each file
// gets its own configuration's settings (run.ts).
export { ConfigError, KEYS, type ConfigFile, type FileSettings } from './file.js';
export {
  optionsByFile,
  runConfigured,
  showSettings,
  stdinOptions,
  type ConfigMode,
  type ConfiguredRunResult,
} from './run.js';
export { optionsFor } from './settings.js';
