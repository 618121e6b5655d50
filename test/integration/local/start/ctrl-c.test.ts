import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
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
  // Free ports everywhere: the services pick theirs (ports.ts), the operator endpoints too.
  return { ...env, HTTP_PORT: '0', LOG_FORMAT: 'auto' };
}

async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Line {
  level?: string;
  msg?: string;
  time: string;
  service?: string;
  standIns?: Record<string, number | string>;
}

describe('npm start and Ctrl-C', () => {
  it('stops the adapter, then the stand-ins, then the infrastructure, exits 0 and prints no error', async () => {
    // `npm start` in a process group of its own, as a terminal runs a foreground job.
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    groupLeader = child.pid;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;

    // Piped, `auto` writes JSON lines.
    const lines = () =>
      stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Line);
    const has = (msg: string) => lines().some((l) => l.msg === msg);
    const ready = ['system running; Ctrl-C stops it', 'gateway stub ready', 'college simulator ready'];
    ready.push('courier simulator ready');
    expect(await eventually(() => ready.every(has), 240_000), output()).toBe(true);
    const standInPids = Object.values(lines().find((l) => l.standIns)?.standIns ?? {}).map(Number);
    expect(standInPids).toHaveLength(3);

    const t0 = Date.now();
    // What Ctrl-C does: SIGINT to every process of the foreground group (npm, sh, tsx, start).
    process.kill(-child.pid!, 'SIGINT');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    expect(code, output()).toBe(0);
    expect(Date.now() - t0).toBeLessThan(60_000);
    groupLeader = undefined;

    // No error on the way: no error-level record, no stack trace, nothing on stderr that says error.
    const bad = lines().filter((l) => l.level === 'error' || l.level === 'fatal');
    expect(bad, output()).toEqual([]);
    const text = stdout
      .split('\n')
      .filter((l) => !l.startsWith('{'))
      .join('\n');
    expect(text, output()).not.toMatch(/error|^\s+at /im);
    expect(stderr, output()).not.toMatch(/error|^\s+at /im);

    // The order: adapter, stand-ins (each of them), infrastructure (Kafka, registry, PostgreSQL), by
    // the time each line was logged: lines of two loggers (the launcher's, the system's) are written
    // through separate asynchronous streams and may reach the pipe out of their order.
    const at = (msg: string) => {
      const line = lines().find((l) => l.msg === msg);
      return line ? Date.parse(line.time) : -1;
    };
    const order = [
      'stopping: the adapter first, then the stand-ins, then the infrastructure',
      'adapter stopped',
      'stand-ins stopped',
      'kafka stopped',
      'registry stopped',
      'postgres stopped',
      'infrastructure stopped',
    ].map((m) => [m, at(m)] as const);
    for (const [m, i] of order) expect(i, `${m}\n${output()}`).toBeGreaterThanOrEqual(0);
    expect(order.map(([, i]) => i)).toEqual([...order.map(([, i]) => i)].sort((a, b) => a - b));
    for (const m of ['gateway stub stopped', 'college simulator stopped', 'courier simulator stopped']) {
      expect(at(m), m).toBeGreaterThanOrEqual(at('adapter stopped'));
      expect(at(m), m).toBeLessThanOrEqual(at('stand-ins stopped'));
    }
    // Nothing is left running.
    for (const pid of standInPids) expect(alive(pid), `stand-in ${pid} still running`).toBe(false);
  }, 360_000);
});
