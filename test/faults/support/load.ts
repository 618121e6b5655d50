/**
 * A steady load for the faults that hit a service under work: portal and PSC applications, one
 * every 1/perSecond s, each sent until the broker takes it (the same message, the same messageId,
 * however often: the inbox absorbs a send that did reach the broker). Each must reach its intake
 * stage and IDENTITY_VERIFIED (the gateway stub answers; no college runs).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Topics, type TopicName } from '../../../src/contract/topics.js';
import { eligiblePerson, portalApplication, pscApplication } from '../../../src/local/demo/applications.js';
import type { Harness } from '../../support/adapter-harness.js';
import { clockNow } from '../../support/clock.js';
import { personalDataOf, withContacts } from './results.js';

/**
 * Identity settings of the steady-load faults (real time): 5 requests 20 s apart with a backoff
 * from 2 s, over two minutes before IDENTITY_FAILED, so a gateway away for a minute is waited for.
 */
export const STEADY_IDENTITY = {
  IDENTITY_RESPONSE_TIMEOUT_MS: '20000',
  IDENTITY_MAX_ATTEMPTS: '5',
  IDENTITY_MIN_BACKOFF_MS: '2000',
  IDENTITY_MAX_BACKOFF_MS: '30000',
};

export interface Load {
  /** The stages each application must have. */
  readonly expected: Map<string, string[]>;
  /** Messages handed to the producer and acknowledged (a retry of the same message counts once). */
  sent(): number;
  /** Sends that failed and were tried again (the broker away). */
  retries(): number;
  /** Resolves when every application was sent. */
  readonly done: Promise<void>;
}

export function steadyLoad(
  h: Harness,
  opts: {
    count: number;
    perSecond: number;
    firstPerson: number;
    personalData: Set<string>;
    /**
     * The bytes to send for a value instead of the harness's encoding (with the contract's
     * schema id), or undefined to leave it to the harness; called again for each retry.
     */
    encode?: (topic: TopicName, value: Record<string, unknown>) => Buffer | undefined;
  },
): Load {
  const expected = new Map<string, string[]>();
  let sent = 0;
  let retries = 0;
  const { populationSeed: seed, populationSize: size } = h.config.gatewayStub;
  const done = (async () => {
    let person = opts.firstPerson;
    const t0 = performance.now();
    for (let i = 0; i < opts.count; i++) {
      const wait = t0 + (i * 1000) / opts.perSecond - performance.now();
      if (wait > 0) await sleep(wait);
      const found = eligiblePerson(seed, size, person % size, clockNow(h.config).slice(0, 10));
      person = found.index + 1;
      const portal = i % 2 === 0;
      const value = withContacts(
        portal
          ? portalApplication(found.person, { submittedAt: clockNow(h.config, -1000) })
          : pscApplication(found.person, { acceptedAt: clockNow(h.config, -1000) }),
      );
      personalDataOf(value, opts.personalData);
      expected.set(value.applicationId, [portal ? 'SUBMITTED' : 'ACCEPTED', 'IDENTITY_VERIFIED']);
      const topic = portal ? Topics.portalApplications : Topics.corporationApplications;
      for (;;) {
        try {
          const bytes = opts.encode?.(topic, value as unknown as Record<string, unknown>);
          if (bytes) await h.sendRaw(topic, value.applicationId, bytes);
          else await h.send(topic, value.applicationId, value);
          break;
        } catch {
          retries++;
          await sleep(1000);
        }
      }
      sent++;
    }
  })();
  return { expected, sent: () => sent, retries: () => retries, done };
}
