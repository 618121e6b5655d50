/**
 * The PSC counter, played by a test through its topics: it reads the adapter's notifications to
 * the PSC and answers as the operators would (item 61-62). A result ready for hand-over is handed
 * to the applicant at once, unless the applicant is one of `uncollected`: then the PSC waits for
 * "return to college due", returns it to the college, and the applicant comes the next moment
 * (the PSC requests it back); when it is ready again it is handed over.
 */
import { randomUUID } from 'node:crypto';
import type { CorporationApplicationMessage, CorporationNotificationMessage } from '../../../src/contract/messages.js';
import { envelope } from '../../../src/contract/envelope.js';
import { Topics } from '../../../src/contract/topics.js';
import type { Harness } from '../../support/adapter-harness.js';
import { clockNow } from '../../support/clock.js';

export interface PscCounter {
  /** Applications handed over by this counter, with how many times each was ready. */
  readonly handedOver: Set<string>;
  readonly returned: Set<string>;
  stop(): Promise<void>;
}

export function startPscCounter(h: Harness, recipients: Map<string, string>, uncollected: Set<string>): PscCounter {
  const handedOver = new Set<string>();
  const returned = new Set<string>();
  const seen = new Set<string>();
  let stopped = false;
  const topic = h.topic(Topics.corporationNotifications);

  const send = (n: CorporationNotificationMessage, kind: CorporationApplicationMessage['kind'], body: object) => {
    const at = clockNow(h.config);
    const header = {
      messageId: randomUUID(),
      correlationId: n.applicationId,
      occurredAt: at,
      applicationId: n.applicationId,
    };
    const value = envelope<CorporationApplicationMessage>(Topics.corporationApplications, kind, body, header);
    return h.send(Topics.corporationApplications, n.applicationId, value);
  };

  async function answer(n: CorporationNotificationMessage): Promise<void> {
    const at = clockNow(h.config);
    if (n.kind === 'RESULT_READY_FOR_HANDOVER') {
      if (uncollected.has(n.applicationId) && !returned.has(n.applicationId)) return;
      handedOver.add(n.applicationId);
      await send(n, 'RESULT_HANDED_OVER', {
        receiptNumber: n.resultReadyForHandover.receiptNumber,
        branchId: n.branchId,
        operatorId: 'OP-E2E',
        handedOverAt: at,
        recipientIin: recipients.get(n.applicationId) ?? '',
        identityDocument: { type: 'ID_CARD', number: '000000001', validUntil: null, holderIin: null },
      });
    } else if (n.kind === 'RETURN_TO_COLLEGE_DUE') {
      returned.add(n.applicationId);
      await send(n, 'RESULT_RETURNED_TO_COLLEGE', {
        branchId: n.branchId,
        collegeBin: n.returnToCollegeDue.collegeBin,
        returnedAt: at,
        registerId: `RET-${n.applicationId}`,
      });
      await send(n, 'RESULT_RECALL_REQUESTED', {
        receiptNumber: n.returnToCollegeDue.receiptNumber,
        branchId: n.branchId,
        requestedAt: clockNow(h.config, 1000),
      });
    }
  }

  const loop = (async () => {
    while (!stopped) {
      for (const m of h.reader.on(topic)) {
        const n = m.value as unknown as CorporationNotificationMessage;
        if (seen.has(n.messageId)) continue;
        seen.add(n.messageId);
        await answer(n);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();

  return {
    handedOver,
    returned,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
