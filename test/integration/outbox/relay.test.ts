import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { AbortError } from 'p-retry';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics } from '../../../src/contract/topics.js';
import { connect, runtimeUrl } from '../../../src/platform/db/connect.js';
import { migrateToLatest } from '../../../src/platform/db/migrate.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { connectMessaging, type Messaging } from '../../../src/platform/messaging/bootstrap.js';
import { OUTBOX_CURSOR_TOPIC, internalTopicName } from '../../../src/platform/messaging/topics.js';
import {
  insertOutboxMessages,
  notifyOutbox,
  outboxChannel,
  retryFailedOutbox,
  selectFailedOutbox,
  selectPublishableOutbox,
  type OutboxMessage,
  type TopicMessage,
} from '../../../src/pipeline/outbox/outbox-queries.js';
import { OutboxRelay, type RelayOptions } from '../../../src/pipeline/outbox/relay.js';
import { isolatedConfig } from '../../support/isolation.js';
import { samples } from '../../support/samples.js';
import { TopicReader } from '../../support/topic-reader.js';

const config = isolatedConfig('relay');
const log = createLogger({ level: 'warn', name: 'relay-test' });
const url = runtimeUrl(config.database.url, config.database.runtimeRole, config.database.runtimePassword);
let owner: Knex;
let db: Knex;
let messaging: Messaging;
let reader: TopicReader;

beforeAll(async () => {
  owner = connect({ url: config.database.url, schema: config.database.schema });
  await migrateToLatest(owner, {
    schema: config.database.schema,
    runtimeRole: config.database.runtimeRole,
    runtimePassword: config.database.runtimePassword,
  });
  db = connect({ url, schema: config.database.schema, poolMax: 30 });
  messaging = await connectMessaging(config, log, '-relay-test');
  reader = await new TopicReader(messaging.kafka, messaging.codec, [
    messaging.codec.topic(Topics.monitoringStages),
  ]).start();
});
afterAll(async () => {
  await reader?.stop();
  await db?.destroy();
  await owner?.raw(`DROP SCHEMA IF EXISTS ${config.database.schema}, ${config.timers.schema} CASCADE`);
  await owner?.destroy();
});

/** Every relay a test made: stopped after it, so a failed test leaves no leader behind. */
const made: OutboxRelay[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((r) => r.stop()));
});

function relay(extra: Partial<RelayOptions> = {}): OutboxRelay {
  const r = new OutboxRelay({
    db,
    databaseUrl: url,
    kafka: messaging.kafka,
    codec: messaging.codec,
    log,
    transactionalId: `${config.kafka.groupId}-outbox-relay`,
    lockName: `${config.database.schema}.outbox-relay`,
    cursorGroup: `${config.kafka.groupId}-outbox-cursor`,
    cursorTopic: internalTopicName(OUTBOX_CURSOR_TOPIC, config.kafka.topicPrefix),
    batchSize: 7,
    ...extra,
  });
  made.push(r);
  return r;
}

const base = samples[Topics.monitoringStages][0];
function stage(applicationId: string, sequence: number): TopicMessage<typeof Topics.monitoringStages> {
  return {
    topic: Topics.monitoringStages,
    key: applicationId,
    value: { ...(base as MonitoringStage), messageId: randomUUID(), applicationId, sequence },
  };
}
/** A dead letter of 1.2 MB (its original value): more than a Kafka message may hold. */
function huge(key: string): OutboxMessage {
  return {
    topic: `${Topics.portalApplications}.dlq`,
    key,
    value: {
      messageId: randomUUID(),
      correlationId: key,
      occurredAt: '2026-03-04T10:12:01.250+05:00',
      originalTopic: 'x',
      partition: 0,
      offset: 1,
      originalTimestamp: null,
      originalKey: null,
      originalValue: Buffer.alloc(1_200_000, 7),
      headers: [],
      schemaId: null,
      originalMessageId: null,
      errorCode: 'UNDECODABLE',
      errorText: 'test',
      errorPath: null,
      consumerGroup: 'g',
      attempts: 1,
    },
  } as OutboxMessage;
}
const received = () =>
  reader.on(messaging.codec.topic(Topics.monitoringStages)).map((m) => m.value as unknown as MonitoringStage);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the outbox relay on real PostgreSQL and Kafka', () => {
  it('publishes every row exactly once and in order per key, with two relays and slow concurrent writers', async () => {
    const a = relay();
    const b = relay();
    a.start();
    b.start();
    const apps = Array.from({ length: 12 }, () => `APP-${randomUUID().slice(0, 8)}`);
    // Per application, 6 transactions one after another; transactions of different applications
    // overlap, and each stays open a random while, so later ids often commit first.
    await Promise.all(
      apps.map(async (app) => {
        for (let seq = 1; seq <= 6; seq++) {
          await db.transaction(async (tx) => {
            await insertOutboxMessages(tx, [stage(app, seq)]);
            await sleep(Math.floor(Math.random() * 120));
          });
        }
      }),
    );
    await a.drained();
    await reader.until(
      () => received().filter((s) => apps.includes(s.applicationId)).length >= 72,
      30_000,
      '72 stages',
    );
    await sleep(1000);
    await a.stop();
    await b.stop();

    const mine = received().filter((s) => apps.includes(s.applicationId));
    expect(mine).toHaveLength(72);
    expect(new Set(mine.map((s) => s.messageId)).size).toBe(72);
    for (const app of apps)
      expect(mine.filter((s) => s.applicationId === app).map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(a.published + b.published).toBe(72);
  });

  it('an idle relay is woken by the notification of a transaction that wrote rows, long before its next poll', async () => {
    const r = relay({ pollMs: 600_000, wakeChannel: outboxChannel(config.database.schema) });
    r.start();
    const app = `APP-${randomUUID().slice(0, 8)}`;
    // The first look of a new leader; then it waits (600 s) for a poll or a notification.
    await r.drained();
    await sleep(500);
    for (let seq = 1; seq <= 3; seq++) {
      await db.transaction(async (tx) => {
        await insertOutboxMessages(tx, [stage(app, seq)]);
        await notifyOutbox(tx);
      });
      await reader.until(
        () => received().filter((s) => s.applicationId === app).length >= seq,
        30_000,
        `stage ${seq} after its notification`,
      );
    }
    expect(
      received()
        .filter((s) => s.applicationId === app)
        .map((s) => s.sequence),
    ).toEqual([1, 2, 3]);
  });

  it('a rolled-back transaction notifies nothing: its rows never existed and the relay keeps waiting', async () => {
    const r = relay({ pollMs: 600_000, wakeChannel: outboxChannel(config.database.schema) });
    r.start();
    await r.drained();
    await sleep(500);
    const app = `APP-${randomUUID().slice(0, 8)}`;
    const tx = await db.transaction();
    await insertOutboxMessages(tx, [stage(app, 1)]);
    await notifyOutbox(tx);
    await tx.rollback();
    // Written without a notification: seen at the next poll only, which is 600 s away.
    await insertOutboxMessages(db, [stage(app, 2)]);
    await sleep(3000);
    expect(received().filter((s) => s.applicationId === app)).toEqual([]);
    expect(r.published).toBe(0);
    // The next notification (of any transaction) wakes it: the row waiting is taken then.
    await db.transaction((t) => notifyOutbox(t));
    await reader.until(() => received().some((s) => s.applicationId === app), 30_000, 'the row after a wake-up');
    await r.drained();
    expect(
      received()
        .filter((s) => s.applicationId === app)
        .map((s) => s.sequence),
    ).toEqual([2]);
  });

  it('after a crash between the Kafka commit and the PostgreSQL mark, the next leader marks the batch instead of sending it again', async () => {
    const app = `APP-${randomUUID().slice(0, 8)}`;
    await insertOutboxMessages(
      db,
      Array.from({ length: 5 }, (_, i) => stage(app, i + 1)),
    );
    let crashed = false;
    const dying = relay({
      faults: {
        afterKafkaCommit: () => {
          crashed = true;
          throw new AbortError('simulated crash after the Kafka commit');
        },
      },
    });
    dying.start();
    await reader.until(
      () => crashed && received().filter((s) => s.applicationId === app).length === 5,
      30_000,
      'the batch in Kafka',
    );
    await dying.stop(); // its lock connection closes, as when the process dies
    const [row] = await db('outbox').whereNull('published_at').count<{ count: string }[]>({ count: '*' });
    expect(Number(row?.count)).toBe(5); // Kafka has the batch, PostgreSQL does not know it yet

    const next = relay();
    next.start();
    await next.drained();
    await sleep(1500);
    await next.stop();
    expect(next.published).toBe(0);
    expect(
      received()
        .filter((s) => s.applicationId === app)
        .map((s) => s.sequence),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks a committed batch before anything else when the mark failed inside a running relay', async () => {
    const app = `APP-${randomUUID().slice(0, 8)}`;
    await insertOutboxMessages(
      db,
      Array.from({ length: 3 }, (_, i) => stage(app, i + 1)),
    );
    let failures = 0;
    const r = relay({
      faults: {
        afterKafkaCommit: () => {
          if (failures++ === 0) throw new Error('transient failure before the mark');
        },
      },
    });
    r.start();
    await r.drained();
    await sleep(1000);
    await r.stop();
    expect(
      received()
        .filter((s) => s.applicationId === app)
        .map((s) => s.sequence),
    ).toEqual([1, 2, 3]);
  });

  it('holds back a later row of a key while an earlier row of that key is not yet judged finished (xids are not commit order)', async () => {
    const app = `APP-${randomUUID().slice(0, 8)}`;
    const other = `APP-${randomUUID().slice(0, 8)}`;
    const t2 = await db.transaction();
    const t0 = await db.transaction();
    try {
      // T2 takes its xid first (a write elsewhere), T0 then, and stays open.
      await insertOutboxMessages(t2, [stage(other, 1)]);
      await insertOutboxMessages(t0, [stage(`${other}-t0`, 1)]);
      // T1, younger than both, writes the key's first row and commits.
      await db.transaction((t1) => insertOutboxMessages(t1, [stage(app, 1)]));
      // T2 writes the key's second row and commits: its xid is older than T0's, T1's is not.
      await insertOutboxMessages(t2, [stage(app, 2)]);
      await t2.commit();
      const visible = await db.transaction((tx) => selectPublishableOutbox(tx, 1000));
      const mine = visible.filter((r) => r.key === app).map((r) => r.value.sequence);
      expect(mine).toEqual([]); // never seq 2 without seq 1
      await t0.commit();
      const after = await db.transaction((tx) => selectPublishableOutbox(tx, 1000));
      expect(after.filter((r) => r.key === app).map((r) => r.value.sequence)).toEqual([1, 2]);
    } finally {
      if (!t2.isCompleted()) await t2.rollback();
      if (!t0.isCompleted()) await t0.rollback();
      await db('outbox')
        .whereIn('message_key', [app, other, `${other}-t0`])
        .update({ published_at: db.fn.now() });
    }
  });

  it('sets aside a row that does not match its schema: logged at error with its id, never the value; other keys go on, its key waits; retried after a fix, both go in order', async () => {
    const lines: string[] = [];
    const { Writable } = await import('node:stream');
    const capture = createLogger({
      level: 'warn',
      name: 'relay-bad-row',
      destination: new Writable({
        write: (c: Buffer, _e, cb) => {
          lines.push(c.toString());
          cb();
        },
      }),
    });
    const app = `APP-${randomUUID().slice(0, 8)}`;
    // insertOutboxMessages refuses such a value; a row changed behind the adapter's back (a manual
    // edit, a restored backup of another version) still reaches the relay, which must not pass it.
    const bad = stage(app, 1);
    await insertOutboxMessages(db, [bad, stage(app, 2), stage(`${app}-after`, 1)]);
    const badId = Number(
      await db('outbox')
        .where({ message_key: app })
        .min('id')
        .first()
        .then((r) => r?.min),
    );
    await db('outbox')
      .where({ id: badId })
      .update({ value: JSON.stringify({ ...bad.value, stage: 'Жумабекова Айгерим' }) });
    const r = relay({ log: capture });
    r.start();
    await reader.until(() => received().some((s) => s.applicationId === `${app}-after`), 20_000, 'the other key');
    await r.drained(20_000); // a row set aside and the rows waiting for it are not pending
    expect(received().filter((s) => s.applicationId === app)).toEqual([]); // order kept: seq 2 waits for seq 1
    const [failed] = await selectFailedOutbox(db).then((rows) => rows.filter((x) => x.key === app));
    expect(failed).toMatchObject({ id: badId, errorCode: 'OUTBOX_ROW_INVALID', waiting: 1 });
    const logged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.code === 'OUTBOX_ROW_INVALID');
    expect(logged).toMatchObject({ level: 'error', id: badId, topic: messaging.codec.topic(Topics.monitoringStages) });
    expect(lines.join('')).not.toContain('Жумабекова');

    await db('outbox')
      .where({ id: badId })
      .update({ value: JSON.stringify({ ...bad.value, stage: 'SUBMITTED' }) });
    expect(await retryFailedOutbox(db, [badId])).toBe(1);
    await reader.until(
      () => received().filter((s) => s.applicationId === app).length >= 2,
      20_000,
      'the key after the retry',
    );
    await r.stop();
    expect(
      received()
        .filter((s) => s.applicationId === app)
        .map((s) => s.sequence),
    ).toEqual([1, 2]);
  });

  it('sets aside a row larger than a Kafka message before sending it, and publishes the others', async () => {
    const app = `APP-${randomUUID().slice(0, 8)}`;
    await insertOutboxMessages(db, [huge(app), stage(`${app}-after`, 1)]);
    const r = relay();
    r.start();
    await reader.until(() => received().some((s) => s.applicationId === `${app}-after`), 20_000, 'the row behind it');
    await r.stop();
    const [failed] = (await selectFailedOutbox(db)).filter((x) => x.key === app);
    expect(failed!.errorCode).toBe('OUTBOX_ROW_TOO_LARGE');
    expect(failed!.errorText).toMatch(/record of \d+ bytes, above the 1000000/);
    expect(r.setAside).toBe(1);
  });

  it('a record Kafka refuses (MESSAGE_TOO_LARGE) is found by sending its batch row by row, set aside, and the others go', async () => {
    const app = `APP-${randomUUID().slice(0, 8)}`;
    await insertOutboxMessages(db, [stage(`${app}-before`, 1), huge(app), stage(`${app}-after`, 1)]);
    const r = relay({ maxMessageBytes: 10_000_000 }); // above the broker's limit: only Kafka can say no
    r.start();
    await reader.until(
      () =>
        received().some((s) => s.applicationId === `${app}-before`) &&
        received().some((s) => s.applicationId === `${app}-after`),
      60_000,
      'the rows around it',
    );
    await r.stop();
    const [failed] = (await selectFailedOutbox(db)).filter((x) => x.key === app);
    expect(failed!.errorCode).toBe('KAFKA_REFUSED_MESSAGE_TOO_LARGE');
    expect(
      received()
        .filter((s) => s.applicationId.startsWith(app))
        .map((s) => s.applicationId),
    ).toEqual([`${app}-before`, `${app}-after`]);
  });
});
