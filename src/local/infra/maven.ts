import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from './errors.js';
import { runToCompletion } from './process.js';

const MARKER = '.complete';

function mavenArgs(): string[] {
  return ['-B', '-q', '--no-transfer-progress'];
}

/** Runs `produce(tmpDir)` once and keeps its result in `target`; later calls return at once. */
async function cached(target: string, produce: (tmp: string) => Promise<void>): Promise<string> {
  if (existsSync(join(target, MARKER))) return target;
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await produce(tmp);
    writeFileSync(join(tmp, MARKER), new Date().toISOString());
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return target;
}

function pom(kafkaVersion: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kz.edu.tvet.duplicate</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${kafkaVersion}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
`;
}

/** The runtime closure of org.apache.kafka:kafka_2.13 (plus an slf4j binding), from Maven Central. */
export function fetchKafka(cacheDir: string, version: string): Promise<string> {
  return cached(join(cacheDir, `kafka-${version}`), async (tmp) => {
    writeFileSync(join(tmp, 'pom.xml'), pom(version));
    await runToCompletion(
      'maven (kafka jars)',
      'mvn',
      [
        ...mavenArgs(),
        '-f',
        join(tmp, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(tmp, 'libs')}`,
        '-DincludeScope=runtime',
      ],
      { timeoutMs: 15 * 60_000 },
    ).catch((err: Error) => {
      throw new InfraError(
        'INFRA_FETCH_FAILED',
        `Could not fetch Kafka ${version} from Maven Central. Check the version (KAFKA_VERSION) and that Maven reaches its repository.\n${err.message}`,
        { version },
      );
    });
  });
}

/** Apicurio Registry's all-in-one archive (io.apicurio:apicurio-registry-app:<v>:tar.gz:all), unpacked. */
export function fetchApicurio(cacheDir: string, version: string): Promise<string> {
  return cached(join(cacheDir, `apicurio-${version}`), async (tmp) => {
    const artifact = `io.apicurio:apicurio-registry-app:${version}:tar.gz:all`;
    await runToCompletion(
      'maven (apicurio)',
      'mvn',
      [...mavenArgs(), 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${tmp}`],
      { timeoutMs: 15 * 60_000, cwd: tmp },
    ).catch((err: Error) => {
      throw new InfraError(
        'INFRA_FETCH_FAILED',
        `Could not fetch ${artifact} from Maven Central. Check APICURIO_VERSION (3.x versions with an 'all' archive) and that Maven reaches its repository.\n${err.message}`,
        { version },
      );
    });
    const archive = readdirSync(tmp).find((f) => f.endsWith('.tar.gz'));
    if (!archive) throw new InfraError('INFRA_FETCH_FAILED', `Maven returned no archive for ${artifact}.`, { version });
    await runToCompletion('tar (apicurio)', 'tar', ['xzf', join(tmp, archive), '-C', tmp]);
    rmSync(join(tmp, archive));
  });
}
