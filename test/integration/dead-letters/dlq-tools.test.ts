import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topics, dlqTopic } from '../../../src/contract/topics.js';
import { describeDeadLetter, readDeadLetters } from '../../../src/ops/dead-letters/read-dead-letters.js';
import { replayDeadLetters } from '../../../src/ops/dead-letters/replay-dead-letters.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { childEnv } from '../../e2e/adapter-process.js';

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
});
