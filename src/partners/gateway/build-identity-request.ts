/**
 * egov.gateway.identity.requests.v1: an identity request (item 49), in the gateway's conventions
 * (senderId, serviceId, messageDate; SPEC section 4), from the core's intent.
 */
import type { IdentityRequestIntent } from '../../core/application/effects/index.js';
import { Topics } from '../../contract/topics.js';
import type { TopicMessage } from '../../pipeline/outbox/outbox-queries.js';
import type { OutboundMeta } from '../../pipeline/saga/outbound-meta.js';

export interface GatewaySettings {
  senderId: string;
  serviceId: string;
  /** Full name of the identity responses topic the gateway answers on. */
  replyTopic: string;
}

export function buildIdentityRequest(
  intent: IdentityRequestIntent,
  meta: OutboundMeta,
  gateway: GatewaySettings,
): TopicMessage<typeof Topics.identityRequests> {
  return {
    topic: Topics.identityRequests,
    key: meta.applicationId,
    value: {
      ...meta.header,
      serviceId: gateway.serviceId,
      messageDate: meta.header.occurredAt,
      requestId: intent.requestId,
      senderId: gateway.senderId,
      applicationId: meta.applicationId,
      iin: intent.iin,
      replyTopic: gateway.replyTopic,
    },
  };
}
