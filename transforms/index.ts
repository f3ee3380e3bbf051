// The built-in transforms, in the order they run. Each one sees the output of the one before it.
import type { Transform } from '../src/types.js';
import { ftpToFtpTls } from './ftp-to-ftp-tls.js';
import { protP } from './prot-p.js';
import { hardcodedCredentials } from './hardcoded-credentials.js';
import { sslContext } from './ssl-context.js';
import { mockTargets } from './mock-targets.js';

export const BUILTIN_TRANSFORMS: Transform[] = [
  ftpToFtpTls,
  protP,
  hardcodedCredentials,
  sslContext,
  mockTargets,
];

export function findTransform(name: string): Transform | undefined {
  return BUILTIN_TRANSFORMS.find((t) => t.name === name);
}
