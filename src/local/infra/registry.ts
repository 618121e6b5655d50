import { join } from 'node:path';
import { InfraError } from './errors.js';
import { findJava } from './java.js';
import { fetchApicurio } from './maven.js';
import { freePort } from './ports.js';
import { runDir } from './paths.js';
import { signalGroup, startProcess, waitUntilReady, type ServiceProcess } from './process.js';

export interface RunningRegistry {
  /** Base of the Confluent-compatible API, e.g. http://127.0.0.1:PORT/apis/ccompat/v7 */
  url: string;
  /** The registry's current process (a new one after restart). */
  readonly process: ServiceProcess;
  dir: string;
  stop(): Promise<void>;
  /**
   * Fault tests: stops the registry (SIGTERM, its clean shutdown; SIGKILL with `hard`), keeping
   * its port. Its schemas survive only with `persistent` storage (an H2 file): in-memory storage
   * starts empty again, with ids counted from 1.
   */
  halt(hard?: boolean): Promise<void>;
  /** Fault tests: starts the registry again on the same port (and storage) after halt(); resolves once it answers. */
  restart(): Promise<void>;
  /** Fault tests: SIGSTOP / SIGCONT, the registry keeps its sockets and answers nothing meanwhile. */
  freeze(): void;
  thaw(): void;
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

/**
 * Apicurio Registry 3 from its Maven Central archive, on 127.0.0.1. Storage: Apicurio's default,
 * an in-memory H2 database; with `persistent`, an H2 database file under the run directory
 * (data/), so that a restart (fault tests) finds the same schemas under the same ids.
 */
export async function startApicurio(opts: {
  cacheDir: string;
  version: string;
  minJava: number;
  timeoutMs: number;
  persistent?: boolean;
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
    // Apicurio's SQL storage (H2) in a file instead of jdbc:h2:mem: it creates its tables in an
    // empty file and reuses them after a restart.
    ...(opts.persistent ? [`-Dapicurio.datasource.url=jdbc:h2:file:${join(dir, 'data', 'registry')}`] : []),
    '-jar',
    join(home, 'quarkus-run.jar'),
  ];
  const launch = () => startProcess('apicurio-registry', java.bin, args, join(dir, 'apicurio.log'), {}, dir);
  let proc = launch();
  const url = `http://127.0.0.1:${port}${CCOMPAT}`;
  const ready = async () => {
    await waitUntilReady(proc, () => registryAnswers(url), opts.timeoutMs);
    await setGlobalCompatibility(url, 'BACKWARD');
  };
  await ready();
  return {
    url,
    get process() {
      return proc;
    },
    dir,
    stop: () => proc.stop(),
    async halt(hard = false) {
      if (hard) {
        const exited = new Promise((resolve) => proc.child.once('exit', resolve));
        proc.child.kill('SIGKILL');
        await exited;
      }
      await proc.stop();
    },
    async restart() {
      proc = launch();
      await ready();
    },
    freeze: () => signalGroup(proc, 'SIGSTOP'),
    thaw: () => signalGroup(proc, 'SIGCONT'),
  };
}
