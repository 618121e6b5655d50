/**
 * `npm run demo -- --size 20 --speed 5000` as a person runs it in a terminal (free ports, no
 * services given): it exits 0 by itself, writes a report counting the 20 applications, and no IIN
 * of the generated applicants appears in what it prints.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { personAt } from '../../../src/local/gateway-stub/population.js';
import { loadConfig } from '../../../src/platform/config/load.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let groupLeader: number | undefined;

afterAll(() => {
  // A failed run must not leave a system behind.
  if (groupLeader) {
    try {
      process.kill(-groupLeader, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** The environment a person has in a terminal: no services given, no test settings. */
function userEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'JAVA_HOME', 'TVET_CACHE_DIR', 'MAVEN_OPTS', 'TMPDIR', 'LANG'];
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]),
  );
  return { ...env, HTTP_PORT: '0', LOG_FORMAT: 'auto' };
}

describe('npm run demo', () => {
  it('runs 20 applications to their end, writes the report, stops and prints no IIN', async () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-report-'));
    const child = spawn('npm', ['run', 'demo', '--', '--size', '20', '--speed', '5000', '--out', out], {
      cwd: ROOT,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    groupLeader = child.pid;
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    groupLeader = undefined;
    expect(code, output).toBe(0);

    const file = join(out, 'index.html');
    expect(existsSync(file), output).toBe(true);
    expect(output).toContain(file);
    expect(output).toContain('every application at its final stage');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Applications: <b>20</b> filed, <b>20</b> seen');
    expect(html).toContain('new Chart(');
    // The identity waits follow the clock's speed: the stub answers in time, no check gives up.
    expect(html).not.toContain('IDENTITY_FAILED');

    // The applicants are drawn from the first persons of the stub's population.
    const { populationSeed, populationSize } = loadConfig({}).gatewayStub;
    for (let i = 0; i < 80; i++) expect(output).not.toContain(personAt(populationSeed, i % populationSize).iin);
  }, 300_000);
});
