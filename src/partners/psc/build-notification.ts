/** gov4c.corporation.notifications.v1: a message to the PSC branch, from the core's intent. */
import type { PscNotificationIntent } from '../../core/application/effects/index.js';
import { envelope } from '../../contract/envelope.js';
import type { CorporationNotificationMessage } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';

function body(intent: PscNotificationIntent): object {
  const n = intent.notice;
  switch (n.kind) {
    case 'RECEIPT': {
      const { kind: _k, ...rest } = n;
      return rest;
    }
    case 'REFUSAL_RECEIPT':
      return {
        receiptNumber: n.receiptNumber,
        motivationKk: n.motivation.kk,
        motivationRu: n.motivation.ru,
        missingDocuments: n.missingDocuments,
        expiredDocuments: n.expiredDocuments.map((d) => ({
          type: d.type,
          number: d.number ?? null,
          validUntil: d.validUntil ?? null,
          holderIin: d.holderIin ?? null,
        })),
      };
    case 'HEARING_NOTICE':
      return {
        receiptNumber: n.receiptNumber,
        ground: n.ground,
        hearingAt: n.hearingAt,
        hearingPlaceOrWay: n.hearingPlaceOrWay,
        objectionDeadline: n.objectionDeadline,
        motivationKk: n.text.kk,
        motivationRu: n.text.ru,
      };
    case 'RESULT_READY_FOR_HANDOVER':
    case 'RETURN_TO_COLLEGE_DUE': {
      const { kind: _k, ...rest } = n;
      return rest;
    }
    case 'TERM_REVISED': {
      const { kind: _k, status, ...rest } = n;
      return { ...rest, statusKk: status.kk, statusRu: status.ru };
    }
    case 'RESULT_AT_COLLEGE': {
      const { kind: _k, text, ...rest } = n;
      return { ...rest, textKk: text.kk, textRu: text.ru };
    }
  }
}

export function buildPscNotification(
  intent: PscNotificationIntent,
  meta: OutboundMeta,
): TopicMessage<typeof Topics.corporationNotifications> {
  const header = { ...meta.header, applicationId: meta.applicationId, branchId: intent.branchId };
  return {
    topic: Topics.corporationNotifications,
    key: meta.applicationId,
    value: envelope<CorporationNotificationMessage>(
      Topics.corporationNotifications,
      intent.notice.kind,
      body(intent),
      header,
    ),
  };
}
