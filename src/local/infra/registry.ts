import { join } from 'node:path';
import { InfraError } from './errors.js';
import { findJava } from './java.js';
import { fetchApicurio } from './maven.js';
import { freePort } from './ports.js';
import { runDir } from './paths.js';
import { startProcess, waitUntilReady, type ServiceProcess } from './process.js';

export interface RunningRegistry {
  /** Base of the Confluent-compatible API, e.g. http://127.0.0.1:PORT/apis/ccompat/v7 */
  url: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

const CCOMPAT = '/apis/ccompat/v7';
const JSON_TYPE = 'application/vnd.schemaregistry.v1+json';

export async function registryAnswers(url: string): Promise<boolean> {
  const res = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

/** Sets the registry-wide compatibility level through the Confluent-compatible API. */
export async function setGlobalCompatibility(
  url: string,
  level: 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FULL' = 'BACKWARD',
): Promise<void> {
  const res = await fetch(`${url}/config`, {
    method: 'PUT',
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ compatibility: level }),
  });
  if (!res.ok)
    throw new InfraError(
      'REGISTRY_CONFIG_FAILED',
      `The schema registry refused the global compatibility ${level} (HTTP ${res.status}: ${await res.text()}).`,
      { url },
    );
}

/** Apicurio Registry 3 (in-memory storage) from its Maven Central archive, on 127.0.0.1. */
export async function startApicurio(opts: {
  cacheDir: string;
  version: string;
  minJava: number;
  timeoutMs: number;
}): Promise<RunningRegistry> {
  const [home, java, port, managementPort] = await Promise.all([
    fetchApicurio(opts.cacheDir, opts.version),
    findJava(opts.minJava),
    freePort(),
    freePort(),
  ]);
  const dir = runDir('apicurio');
  const args = [
    '-Xms128m',
    '-Xmx768m',
    `-Dquarkus.http.port=${port}`,
    '-Dquarkus.http.host=127.0.0.1',
    // Quarkus' management interface (health, metrics) would take 0.0.0.0:9000: keep it local and free.
    `-Dquarkus.management.port=${managementPort}`,
    '-Dquarkus.management.host=127.0.0.1',
    `-Djava.io.tmpdir=${dir}`,
    '-jar',
    join(home, 'quarkus-run.jar'),
  ];
  const proc = startProcess('apicurio-registry', java.bin, args, join(dir, 'apicurio.log'), {}, dir);
  const url = `http://127.0.0.1:${port}${CCOMPAT}`;
  await waitUntilReady(proc, () => registryAnswers(url), opts.timeoutMs);
  await setGlobalCompatibility(url, 'BACKWARD');
  return { url, process: proc, stop: () => proc.stop() };
}
