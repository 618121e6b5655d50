import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topics, dlqTopic } from '../../../src/contract/topics.js';
import { describeDeadLetter, readDeadLetters } from '../../../src/ops/dead-letters/read-dead-letters.js';
import { replayDeadLetters, storedPayloadsIn } from '../../../src/ops/dead-letters/replay-dead-letters.js';
import { selectDeadLetterPayload } from '../../../src/pipeline/inbound/dead-letter-payload-queries.js';
import { eligiblePerson, pscApplication } from '../../../src/local/demo/applications.js';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { clockNow } from '../../support/clock.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { childEnv } from '../../e2e/support/processes.js';

let h: Harness;
beforeAll(async () => {
  h = await harness('dlqtools');
  await h.startAdapter();
});
afterAll(async () => h?.stop());

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

describe('dead letters: list and replay', () => {
  it('lists a parked message with its reason, replays it byte for byte, and the replay is parked again when still wrong', async () => {
    // Framed, but schema id 1 is not this topic's and the body is junk.
    const poison = Buffer.from([0, 0, 0, 0, 1, 42, 42]);
    await h.sendRaw(Topics.portalApplications, 'bad-1', Buffer.from('not avro at all'));
    await h.sendRaw(Topics.portalApplications, 'bad-2', poison);
    const dlq = dlqTopic(h.topic(Topics.portalApplications));
    await h.reader.until(() => h.reader.on(dlq).length >= 2, 30_000, 'two dead letters');

    const entries = await readDeadLetters(h.messaging.kafka, h.messaging.codec, dlq);
    expect(entries).toHaveLength(2);
    const lines = entries.map(describeDeadLetter);
    for (const l of lines) expect(['UNDECODABLE', 'UNKNOWN_SCHEMA_ID', 'SCHEMA_NOT_OF_TOPIC']).toContain(l.errorCode);
    expect(entries.find((e) => e.record.originalKey?.toString() === 'bad-1')!.record.errorCode).toBe('UNDECODABLE');
    expect(lines.every((l) => typeof l.errorText === 'string' && (l.errorText as string).length > 10)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('not avro at all'); // the listing never shows payloads

    const first = entries.find((e) => e.record.originalKey?.toString() === 'bad-1')!;
    expect(await replayDeadLetters(h.messaging.kafka, [first])).toBe(1);
    await h.reader.until(() => h.reader.on(dlq).length >= 3, 30_000, 'the replay parked again');
    const again = (await readDeadLetters(h.messaging.kafka, h.messaging.codec, dlq)).at(-1)!;
    expect(again.record.originalValue!.equals(Buffer.from('not avro at all'))).toBe(true);
    expect(again.record.originalKey!.toString()).toBe('bad-1');
    expect(again.record.headers.find((x) => x.key === 'x-replayed-from-dlq')?.value?.toString()).toBe(
      `${first.dlqPartition}/${first.dlqOffset}`,
    );
    expect(again.record.offset).not.toBe(first.record.offset);
  });

  it('the dlq-list command prints one line per dead letter and a count', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', MAIN, 'dlq-list', Topics.portalApplications],
      { env: childEnv(h.config) },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^3 dead letter\(s\)$/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      errorCode: expect.any(String),
      source: expect.stringContaining(h.topic(Topics.portalApplications)),
    });
  });

  it('refuses to list a topic that has no dead-letter topic', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, 'dlq-list', Topics.monitoringStages], {
      env: childEnv(h.config),
    });
    await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining('CLI_USAGE') });
  });

  it('an input just under the broker limit (200 KB key, 800 KB value) makes a dead letter that fits: the original is kept in PostgreSQL, publishing goes on, and the replay is byte for byte', async () => {
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const key = `BIG-${randomBytes(102_400).toString('hex')}`; // 200 KB of text
    const value = Buffer.concat([Buffer.from([1]), randomBytes(819_199)]); // 800 KB, not Confluent-framed
    await h.sendRaw(Topics.corporationApplications, key, value);
    // Behind it, on another key: a dead letter above 1 MB would hold every later outbox row back.
    const today = clockNow(h.config).slice(0, 10);
    const { person } = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      5,
      today,
    );
    const next = pscApplication(person, { acceptedAt: clockNow(h.config) });
    await h.send(Topics.corporationApplications, next.applicationId, next);
    const dlq = dlqTopic(h.topic(Topics.corporationApplications));
    const stages = () =>
      h.reader
        .on(h.topic(Topics.monitoringStages))
        .filter((m) => (m.value as unknown as MonitoringStage).applicationId === next.applicationId);
    await h.reader.until(
      () => h.reader.on(dlq).length >= 1 && stages().length >= 1,
      60_000,
      'the dead letter and the next stage',
    );
    const [read] = h.reader.on(dlq);
    const dead = read!.value;
    expect(dead.errorCode).toBe('UNDECODABLE');
    expect(dead.originalValue).toBeNull();
    expect(dead.errorText).toContain('dead_letter_payloads');
    expect(dead.errorText).toContain(`sha256 ${sha(value)}`);
    expect(dead.errorText).toContain(`(${h.topic(Topics.corporationApplications)}, ${dead.partition}, ${dead.offset})`);
    // The key is cut, with the digest of the whole key, in the dead letter and as its Kafka key.
    expect(read!.key!.length).toBeLessThan(2048);
    expect(read!.key).toContain(`sha256:${sha(Buffer.from(key))}`);
    expect(Buffer.from(dead.originalKey as Buffer).length).toBeLessThan(2048);
    const kept = await selectDeadLetterPayload(
      h.adapter!.db,
      dead.originalTopic as string,
      dead.partition as number,
      dead.offset as number,
    );
    expect(kept!.value!.equals(value)).toBe(true);
    expect(kept!.key!.equals(Buffer.from(key))).toBe(true);

    const entries = await readDeadLetters(h.messaging.kafka, h.messaging.codec, dlq);
    expect(describeDeadLetter(entries[0]!)).toMatchObject({ storedApart: true, bytes: 0 });
    expect(await replayDeadLetters(h.messaging.kafka, [entries[0]!], storedPayloadsIn(h.adapter!.db))).toBe(1);
    await h.reader.until(() => h.reader.on(dlq).length >= 2, 60_000, 'the replay parked again');
    const again = h.reader.on(dlq)[1]!.value;
    expect(again.offset).not.toBe(dead.offset);
    const replayed = await selectDeadLetterPayload(
      h.adapter!.db,
      again.originalTopic as string,
      again.partition as number,
      again.offset as number,
    );
    expect(replayed!.value!.equals(value)).toBe(true); // byte for byte, through the stored original
    expect(replayed!.key!.equals(Buffer.from(key))).toBe(true);
    expect(replayed!.headers.find((x) => x.key === 'x-replayed-from-dlq')?.value?.toString()).toBe(
      `${entries[0]!.dlqPartition}/${entries[0]!.dlqOffset}`,
    );
  });
});
