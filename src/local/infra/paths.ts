import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where downloaded jars and archives are kept between runs (outside the work tree). */
export function cacheRoot(configured: string): string {
  return configured || join(homedir(), '.cache', 'tvet-duplicate-adapter');
}

/** A fresh temporary directory for one run of one service (data and logs). */
export function runDir(service: string): string {
  return mkdtempSync(join(tmpdir(), `tvet-${service}-`));
}
