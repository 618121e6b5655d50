import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../../src/platform/config/schema.js';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

/**
 * The environment that points a child process at the same services, prefix, schema, group and
 * clock; `extra` carries the test's own settings (the same variables the test's config was made from).
 */
export function childEnv(config: AppConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    KAFKA_BROKERS: config.kafka.brokers.join(','),
    SCHEMA_REGISTRY_URL: config.schemaRegistry.url,
    DATABASE_URL: config.database.url,
    KAFKA_TOPIC_PREFIX: config.kafka.topicPrefix,
    KAFKA_GROUP_ID: config.kafka.groupId,
    KAFKA_CLIENT_ID: `${config.kafka.clientId}-child`,
    DATABASE_SCHEMA: config.database.schema,
    DATABASE_RUNTIME_ROLE: config.database.runtimeRole,
    IDENTITY_RESPONSE_TIMEOUT_MS: String(config.identity.responseTimeoutMs),
    IDENTITY_MAX_ATTEMPTS: String(config.identity.maxAttempts),
    LOG_LEVEL: 'info',
    CLOCK_START_AT: config.clock.startAt,
    CLOCK_ANCHOR_AT: config.clock.anchorAt,
    CLOCK_SPEED: String(config.clock.speed),
    ...extra,
  };
}

/**
 * `npm run cli -- <command>` as a real process (node + tsx), its output appended to `logFile`.
 * Resolves once it logs `readyMessage`.
 */
export async function spawnCommand(
  command: string,
  readyMessage: string,
  config: AppConfig,
  logFile: string,
  extra: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, command], {
    env: childEnv(config, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start within 60 s; see ${logFile}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes(`"${readyMessage}"`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it started; see ${logFile}`));
    });
  });
  return child;
}

/** `adapter` as a real process. Resolves once it says it started. */
export function spawnAdapter(config: AppConfig, logFile: string, extra: Record<string, string> = {}) {
  return spawnCommand('adapter', 'adapter started', config, logFile, extra);
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export function stopGently(child: ChildProcess, graceMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
