// Which configuration file governs a folder, found as ruff finds its own: in the folder, else in the closest
// folder above it that has one. In each folder an ftptls.toml comes first, then a pyproject.toml with a
// [tool.ftptls] table; a pyproject.toml without the table is no configuration and the search goes on upward.
// The closest file is used whole: settings are never merged across files.
import fs from 'node:fs';
import path from 'node:path';
import { FTPTLS_TOML, PYPROJECT, readConfigFile, type ConfigFile } from './file.js';

/** The file names that can hold a configuration, in the order they are looked for in one folder. */
export const CONFIG_NAMES: readonly string[] = [FTPTLS_TOML, PYPROJECT];

/** Discovery for one run of the CLI or the API: each folder and each file is looked at once. */
export class Discovery {
  /** Folder (absolute) -> the configuration file in it, or null when it holds none. */
  private readonly own = new Map<string, ConfigFile | null>();
  /** Folder -> the configuration that governs it (its own or the closest above), or null. */
  private readonly closest = new Map<string, ConfigFile | null>();

  constructor(private readonly cwd: string) {}

  /** The configuration file in `dir` itself, or undefined. Throws ConfigError for a file that cannot be used. */
  ownConfig(dir: string): ConfigFile | undefined {
    let found = this.own.get(dir);
    if (found === undefined) {
      found = null;
      for (const name of CONFIG_NAMES) {
        const file = path.join(dir, name);
        if (!isFile(file)) continue;
        const config = readConfigFile(file, this.cwd, false);
        if (config) {
          found = config;
          break;
        }
      }
      this.own.set(dir, found);
    }
    return found ?? undefined;
  }

  /** The configuration governing `dir`: its own, or the closest above it; undefined when there is none. */
  closestConfig(dir: string): ConfigFile | undefined {
    const chain: string[] = [];
    let result: ConfigFile | null | undefined;
    for (let d = dir; ; d = path.dirname(d)) {
      result = this.closest.get(d);
      if (result !== undefined) break;
      chain.push(d);
      const own = this.ownConfig(d);
      if (own) {
        result = own;
        break;
      }
      if (path.dirname(d) === d) {
        result = null;
        break;
      }
    }
    for (const d of chain) this.closest.set(d, result);
    return result ?? undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
