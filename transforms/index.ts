// The built-in transforms, in the order they run. Each one sees the output of the one before it.
// (catalog.ts lists them by name, in the same order, for what needs no transform code.)
// hardcoded-credentials only reports (a password in the code is there before and after the other rewrites):
// it runs before prot-p so that it shares the analysis of the renamed text with prot-p, instead of needing
// one of its own after prot-p's insertions.
import type { Transform } from '../src/types.js';
import { ftpToFtpTls } from './ftp-to-ftp-tls.js';
import { protP } from './prot-p.js';
import { hardcodedCredentials } from './hardcoded-credentials.js';
import { sslContext } from './ssl-context.js';
import { mockTargets } from './mock-targets.js';

export const BUILTIN_TRANSFORMS: Transform[] = [
  ftpToFtpTls,
  hardcodedCredentials,
  protP,
  sslContext,
  mockTargets,
];

export function findTransform(name: string): Transform | undefined {
  return BUILTIN_TRANSFORMS.find((t) => t.name === name);
}
