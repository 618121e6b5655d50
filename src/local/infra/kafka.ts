import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import '../../platform/messaging/kafkajs-timeouts.js';
import { InfraError } from './errors.js';
import { findJava } from './java.js';
import { fetchKafka } from './maven.js';
import { freePort } from './ports.js';
import { runDir } from './paths.js';
import { runToCompletion, signalGroup, startProcess, waitUntilReady, type ServiceProcess } from './process.js';

/** A SCRAM login: letters, digits, dot, underscore and dash only (no quoting in JAAS or the storage tool). */
export interface ScramLogin {
  username: string;
  password: string;
}

/**
 * The secured broker of startKafka's `security` option (tests of the adapter's Kafka security):
 * clients authenticate with SASL SCRAM-SHA-512 on a SASL_PLAINTEXT listener, and with `tls` also
 * on a SASL_SSL listener whose certificate is made at start. The controller listener stays
 * PLAINTEXT (the broker talks to itself there), and there is no authorizer: an authenticated
 * client may do anything.
 */
export interface KafkaSecurityOptions {
  /** The client login, created as a SCRAM-SHA-512 credential when the storage is formatted. */
  scram: ScramLogin;
  /** Also a SASL_SSL listener, with a self-signed certificate for 127.0.0.1 made by keytool. */
  tls?: boolean;
}

export interface RunningKafka {
  /** PLAINTEXT; with `security`, the SASL_PLAINTEXT listener (SCRAM-SHA-512). */
  brokers: string[];
  /** With `security.tls`: the SASL_SSL listener and the PEM file of the certificate a client must trust. */
  tls?: { brokers: string[]; caFile: string };
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

/** The SASL and TLS part of server.properties. */
export interface BrokerSecurity {
  /** The broker's own login, for its inter-broker client on the SASL_PLAINTEXT listener. */
  interBroker: ScramLogin;
  /** A SASL_SSL listener on this port, its key and certificate in this PKCS12 keystore. */
  tls?: { port: number; keystore: string; password: string };
}

function scramJaas(login: ScramLogin): string {
  return `org.apache.kafka.common.security.scram.ScramLoginModule required username="${login.username}" password="${login.password}";`;
}

/** The listeners: PLAINTEXT by default, SASL_PLAINTEXT (and SASL_SSL) with `security`. */
function listenerProperties(brokerPort: number, controllerPort: number, security?: BrokerSecurity): string[] {
  const controller = `CONTROLLER://127.0.0.1:${controllerPort}`;
  if (!security) {
    return [
      `listeners=PLAINTEXT://127.0.0.1:${brokerPort},${controller}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    ];
  }
  const client = [`SASL_PLAINTEXT://127.0.0.1:${brokerPort}`];
  if (security.tls) client.push(`SASL_SSL://127.0.0.1:${security.tls.port}`);
  const jaas = scramJaas(security.interBroker);
  const lines = [
    `listeners=${[...client, controller].join(',')}`,
    `advertised.listeners=${client.join(',')}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=SASL_PLAINTEXT',
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT${security.tls ? ',SASL_SSL:SASL_SSL' : ''}`,
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${jaas}`,
  ];
  if (security.tls) {
    lines.push(
      `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=${jaas}`,
      'ssl.keystore.type=PKCS12',
      `ssl.keystore.location=${security.tls.keystore}`,
      `ssl.keystore.password=${security.tls.password}`,
      `ssl.key.password=${security.tls.password}`,
      'ssl.client.auth=none',
    );
  }
  return lines;
}

/** Single-node overrides: one broker is its own controller, replication 1 everywhere. */
export function kafkaServerProperties(opts: {
  brokerPort: number;
  controllerPort: number;
  logDir: string;
  security?: BrokerSecurity;
}): string {
  return (
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${opts.controllerPort}`,
      ...listenerProperties(opts.brokerPort, opts.controllerPort, opts.security),
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

/**
 * `StorageTool format` arguments; the id is glued to its option so no id can read as an option.
 * Each SCRAM login becomes a SCRAM-SHA-512 credential in the first metadata (KRaft has no other
 * way to create one before the broker can authenticate anybody).
 */
export function storageFormatArgs(clusterId: string, propertiesFile: string, scram: ScramLogin[] = []): string[] {
  const credentials = scram.flatMap((l) => [
    '--add-scram',
    `SCRAM-SHA-512=[name=${l.username},password=${l.password}]`,
  ]);
  return ['format', `--cluster-id=${clusterId}`, '-c', propertiesFile, ...credentials];
}

const SCRAM_SAFE = /^[A-Za-z0-9._-]{1,128}$/;

/** Refuses a login the JAAS line or the storage tool would need quoting for (never showing the password). */
function checkScramLogin(login: ScramLogin): void {
  if (!SCRAM_SAFE.test(login.username) || !SCRAM_SAFE.test(login.password)) {
    throw new InfraError(
      'INFRA_BAD_OPTION',
      `The local Kafka's SCRAM login "${login.username}" must have a user name and a password of letters, digits, ` +
        "'.', '_' or '-' only (1 to 128 characters).",
      { username: login.username },
    );
  }
}

/**
 * A PKCS12 keystore with a key pair and a self-signed certificate for 127.0.0.1 and localhost,
 * valid two days from now (real time: TLS checks the machine's clock, never the adapter's), and
 * that certificate in PEM for the clients to trust.
 */
export async function selfSignedKeystore(
  javaBin: string,
  dir: string,
): Promise<{ keystore: string; password: string; caFile: string }> {
  const keytool = javaBin.includes('/') ? join(dirname(javaBin), 'keytool') : 'keytool';
  const keystore = join(dir, 'broker.p12');
  const caFile = join(dir, 'broker-ca.pem');
  const password = randomBytes(16).toString('hex');
  const store = ['-keystore', keystore, '-storetype', 'PKCS12', '-storepass', password];
  const limit = { timeoutMs: 60_000 };
  const dname = ['-dname', 'CN=tvet-local-kafka', '-ext', 'SAN=IP:127.0.0.1,DNS:localhost', '-validity', '2'];
  const key = ['-alias', 'broker', '-keyalg', 'EC', '-groupname', 'secp256r1', '-sigalg', 'SHA256withECDSA'];
  await runToCompletion(
    'keytool -genkeypair',
    keytool,
    ['-genkeypair', ...key, ...dname, '-keypass', password, ...store],
    limit,
  );
  await runToCompletion(
    'keytool -exportcert',
    keytool,
    ['-exportcert', '-alias', 'broker', '-rfc', '-file', caFile, ...store],
    limit,
  );
  return { keystore, password, caFile };
}

function redactScram(text: string, logins: ScramLogin[]): string {
  return logins.reduce((t, l) => t.split(l.password).join('[REDACTED]'), text);
}

/** A metadata request succeeds: the broker is serving clients (who log in and trust as `security` says). */
export async function kafkaAnswers(
  brokers: string[],
  security: Pick<KafkaConfig, 'ssl' | 'sasl'> = {},
): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'readiness',
    brokers,
    ...security,
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

/**
 * Apache Kafka in KRaft mode from the Maven Central jars, storage formatted fresh in a temp dir.
 * PLAINTEXT; with `security`, SASL SCRAM-SHA-512 (and TLS) as KafkaSecurityOptions says.
 */
export async function startKafka(opts: {
  cacheDir: string;
  version: string;
  timeoutMs: number;
  security?: KafkaSecurityOptions;
}): Promise<RunningKafka> {
  if (opts.security) checkScramLogin(opts.security.scram);
  const [libs, java, brokerPort, controllerPort, tlsPort] = await Promise.all([
    fetchKafka(opts.cacheDir, opts.version),
    findJava(17),
    freePort(),
    freePort(),
    opts.security?.tls ? freePort() : Promise.resolve(0),
  ]);
  const dir = runDir('kafka');
  const props = join(dir, 'server.properties');
  // The broker's own login is made here, never shown; the client's is the caller's.
  const interBroker = { username: 'tvet-local-broker', password: randomBytes(16).toString('hex') };
  let security: BrokerSecurity | undefined;
  let tls: RunningKafka['tls'];
  if (opts.security) {
    security = { interBroker };
    if (opts.security.tls) {
      const store = await selfSignedKeystore(java.bin, dir);
      security.tls = { port: tlsPort, keystore: store.keystore, password: store.password };
      tls = { brokers: [`127.0.0.1:${tlsPort}`], caFile: store.caFile };
    }
  }
  writeFileSync(props, kafkaServerProperties({ brokerPort, controllerPort, logDir: join(dir, 'data'), security }));
  writeFileSync(join(dir, 'log4j.properties'), LOG4J);
  const classpath = join(libs, 'libs', '*');
  const jvm = ['-Xms256m', '-Xmx1g', `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`, '-cp', classpath];
  const scram = opts.security ? [interBroker, opts.security.scram] : [];
  const formatArgs = [...jvm, 'kafka.tools.StorageTool', ...storageFormatArgs(randomClusterId(), props, scram)];
  await runToCompletion('kafka storage format', java.bin, formatArgs, { timeoutMs: 120_000 }).catch((err: Error) => {
    // Its failure message repeats the command line, SCRAM passwords included.
    throw opts.security ? new InfraError('INFRA_COMMAND_FAILED', redactScram(err.message, scram), {}) : err;
  });
  const launch = () => startProcess('kafka', java.bin, [...jvm, 'kafka.Kafka', props], join(dir, 'kafka.log'));
  let proc = launch();
  const brokers = [`127.0.0.1:${brokerPort}`];
  const client: Pick<KafkaConfig, 'sasl'> = opts.security
    ? { sasl: { mechanism: 'scram-sha-512', ...opts.security.scram } }
    : {};
  const answers = () => kafkaAnswers(brokers, client);
  await waitUntilReady(proc, answers, opts.timeoutMs);
  if (tls) {
    // The SASL_SSL listener is up with the other one; this proves its certificate is served.
    const ca = readFileSync(tls.caFile, 'utf8');
    const tlsBrokers = tls.brokers;
    await waitUntilReady(proc, () => kafkaAnswers(tlsBrokers, { ...client, ssl: { ca: [ca] } }), opts.timeoutMs);
  }
  return {
    brokers,
    tls,
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
      await waitUntilReady(proc, answers, opts.timeoutMs);
    },
    freeze: () => signalGroup(proc, 'SIGSTOP'),
    thaw: () => signalGroup(proc, 'SIGCONT'),
  };
}
