/** egov.portal.notifications.v1: a notice of the personal cabinet, from the core's intent. */
import type { PortalNotificationIntent } from '../../core/application/effects/index.js';
import { envelope } from '../../contract/envelope.js';
import type { PortalNotificationMessage } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';

function body(intent: PortalNotificationIntent): object {
  const n = intent.notice;
  switch (n.kind) {
    case 'ACCEPTED':
      return {
        registrationDate: n.registrationDate,
        serviceTermEndsAt: n.serviceTermEndsAt,
        statusKk: n.status.kk,
        statusRu: n.status.ru,
      };
    case 'INTAKE_REFUSED':
      return { motivationKk: n.motivation.kk, motivationRu: n.motivation.ru };
    case 'HEARING_NOTICE':
      return {
        ground: n.ground,
        hearingAt: n.hearingAt,
        hearingPlaceOrWay: n.hearingPlaceOrWay,
        objectionDeadline: n.objectionDeadline,
        motivationKk: n.text.kk,
        motivationRu: n.text.ru,
      };
    case 'READY':
      return {
        resultPlace: {
          kind: n.resultPlace.kind,
          branchId: n.resultPlace.kind === 'PSC' ? n.resultPlace.branchId : null,
        },
        placeAddress: n.placeAddress,
        digitalDiplomaPublished: n.digitalDiplomaPublished,
      };
    case 'REFUSED':
      return { ground: n.ground, motivationKk: n.text.kk, motivationRu: n.text.ru };
    case 'TERM_REVISED': {
      const { kind: _k, status, ...rest } = n;
      return { ...rest, statusKk: status.kk, statusRu: status.ru };
    }
  }
}

export function buildPortalNotification(
  intent: PortalNotificationIntent,
  meta: OutboundMeta,
): TopicMessage<typeof Topics.portalNotifications> {
  const header = { ...meta.header, applicationId: meta.applicationId, recipientIin: intent.recipientIin };
  return {
    topic: Topics.portalNotifications,
    key: meta.applicationId,
    value: envelope<PortalNotificationMessage>(Topics.portalNotifications, intent.notice.kind, body(intent), header),
  };
}
