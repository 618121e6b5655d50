import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from './errors.js';
import { runToCompletion } from './process.js';

/** Major version from `java -version` output ("17.0.15", "1.8.0_392", "25.0.3"). */
export function parseJavaMajor(versionOutput: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return null;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

async function majorOf(javaBin: string): Promise<number | null> {
  try {
    return parseJavaMajor(await runToCompletion('java -version', javaBin, ['-version'], { timeoutMs: 20_000 }));
  } catch {
    return null;
  }
}

function candidates(): string[] {
  const list: string[] = [];
  if (process.env.JAVA_HOME) list.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  list.push('java');
  for (const root of ['/usr/lib/jvm', '/opt/java', '/usr/local/lib/jvm']) {
    if (!existsSync(root)) continue;
    for (const d of readdirSync(root)) {
      const bin = join(root, d, 'bin', 'java');
      if (existsSync(bin)) list.push(bin);
    }
  }
  return [...new Set(list)];
}

/**
 * A java executable of at least `minMajor`, preferring JAVA_HOME, then PATH, then the newest JDK
 * under /usr/lib/jvm. Kafka 3.9 runs on 17+; Apicurio Registry 3.3 needs 21+.
 */
export async function findJava(minMajor: number): Promise<{ bin: string; major: number }> {
  const found: Array<{ bin: string; major: number }> = [];
  for (const bin of candidates()) {
    const major = await majorOf(bin);
    if (major !== null) found.push({ bin, major });
  }
  const fit = found.filter((j) => j.major >= minMajor);
  if (fit.length === 0) {
    throw new InfraError(
      'INFRA_JAVA_MISSING',
      `No Java ${minMajor}+ found (saw: ${found.map((j) => `${j.bin}=${j.major}`).join(', ') || 'none'}). Install a JDK ${minMajor}+ (e.g. apt-get install openjdk-${minMajor}-jre-headless) or set JAVA_HOME.`,
      { minMajor },
    );
  }
  // First fitting in preference order (JAVA_HOME, PATH), else the newest.
  const preferred = fit.find((j) => j.bin === 'java' || j.bin.startsWith(process.env.JAVA_HOME ?? '\0'));
  return preferred ?? fit.sort((a, b) => b.major - a.major)[0]!;
}
