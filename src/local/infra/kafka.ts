import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import '../../platform/messaging/kafkajs-timeouts.js';
import { findJava } from './java.js';
import { fetchKafka } from './maven.js';
import { freePort } from './ports.js';
import { runDir } from './paths.js';
import { runToCompletion, signalGroup, startProcess, waitUntilReady, type ServiceProcess } from './process.js';

export interface RunningKafka {
  brokers: string[];
  /** The broker's current process (a new one after restart). */
  readonly process: ServiceProcess;
  dir: string;
  stop(): Promise<void>;
  /** Fault tests: stops the broker (SIGTERM, its clean shutdown; SIGKILL with `hard`), keeping its port and data. */
  halt(hard?: boolean): Promise<void>;
  /** Fault tests: starts the broker again on the same port and data after halt(); resolves once it answers. */
  restart(): Promise<void>;
  /** Fault tests: SIGSTOP / SIGCONT, the broker keeps its sockets and answers nothing meanwhile. */
  freeze(): void;
  thaw(): void;
}

/** Single-node overrides: one broker is its own controller, replication 1 everywhere. */
export function kafkaServerProperties(opts: { brokerPort: number; controllerPort: number; logDir: string }): string {
  return (
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${opts.controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${opts.brokerPort},CONTROLLER://127.0.0.1:${opts.controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${opts.brokerPort}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      `log.dirs=${opts.logDir}`,
      'num.partitions=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=10',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'min.insync.replicas=1',
      'default.replication.factor=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'delete.topic.enable=true',
    ].join('\n') + '\n'
  );
}

const LOG4J =
  [
    'log4j.rootLogger=INFO, stdout',
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka=INFO',
    'log4j.logger.org.apache.kafka=WARN',
    'log4j.logger.state.change.logger=WARN',
  ].join('\n') + '\n';

/**
 * A cluster id as `kafka-storage random-uuid` makes one: 16 random bytes, base64url, 22 chars.
 * About one in 64 such strings starts with '-', which the storage tool's parser takes for an
 * option ("--cluster-id/-t: expected one argument"); Kafka's Uuid.randomUuid() draws again then,
 * and so do we. `random` is for tests.
 */
export function randomClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** `StorageTool format` arguments; the id is glued to its option so no id can read as an option. */
export function storageFormatArgs(clusterId: string, propertiesFile: string): string[] {
  return ['format', `--cluster-id=${clusterId}`, '-c', propertiesFile];
}

/** A metadata request succeeds: the broker is serving clients. */
export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 2000,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Apache Kafka in KRaft mode from the Maven Central jars, storage formatted fresh in a temp dir. */
export async function startKafka(opts: {
  cacheDir: string;
  version: string;
  timeoutMs: number;
}): Promise<RunningKafka> {
  const [libs, java, brokerPort, controllerPort] = await Promise.all([
    fetchKafka(opts.cacheDir, opts.version),
    findJava(17),
    freePort(),
    freePort(),
  ]);
  const dir = runDir('kafka');
  const props = join(dir, 'server.properties');
  writeFileSync(props, kafkaServerProperties({ brokerPort, controllerPort, logDir: join(dir, 'data') }));
  writeFileSync(join(dir, 'log4j.properties'), LOG4J);
  const classpath = join(libs, 'libs', '*');
  const jvm = ['-Xms256m', '-Xmx1g', `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`, '-cp', classpath];
  const formatArgs = [...jvm, 'kafka.tools.StorageTool', ...storageFormatArgs(randomClusterId(), props)];
  await runToCompletion('kafka storage format', java.bin, formatArgs, { timeoutMs: 120_000 });
  const launch = () => startProcess('kafka', java.bin, [...jvm, 'kafka.Kafka', props], join(dir, 'kafka.log'));
  let proc = launch();
  const brokers = [`127.0.0.1:${brokerPort}`];
  await waitUntilReady(proc, () => kafkaAnswers(brokers), opts.timeoutMs);
  return {
    brokers,
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
      await waitUntilReady(proc, () => kafkaAnswers(brokers), opts.timeoutMs);
    },
    freeze: () => signalGroup(proc, 'SIGSTOP'),
    thaw: () => signalGroup(proc, 'SIGCONT'),
  };
}
