/**
 * egov.gateway.identity.responses.v1 (item 49): an answer of the e-government gateway becomes
 * RecordIdentityAnswer with the person record as received; the core compares it with the
 * application, recognises late and duplicate answers, and paces the re-requests.
 */
import type { IdentityAnswer } from '../../core/application/index.js';
import type { IdentityResponse } from '../../contract/messages.js';
import type { AdapterDeps } from '../../pipeline/deps.js';
import { causeOf, type InboundHandler } from '../../pipeline/inbound/handler.js';
import { runInboundCommand } from '../../pipeline/saga/run-command.js';

function answerOf(r: IdentityResponse): IdentityAnswer {
  if (r.status === 'FOUND' && r.person) {
    const p = r.person;
    return {
      status: 'FOUND',
      person: {
        iin: p.iin,
        surname: p.surname,
        name: p.name,
        patronymic: p.patronymic,
        birthDate: p.birthDate,
        deceased: p.deceased,
        documents: p.documents.map((d) => ({ type: d.type, number: d.number, validUntil: d.validUntil })),
      },
    };
  }
  if (r.status === 'ERROR')
    return { status: 'ERROR', errorCode: r.errorCode ?? 'ERROR', errorMessage: (r.errorMessage ?? '').slice(0, 500) };
  return { status: 'NOT_FOUND' };
}

export function identityResponseHandler(deps: AdapterDeps): InboundHandler {
  return async (m) => {
    const r = m.value as unknown as IdentityResponse;
    const res = await runInboundCommand(
      m.work,
      {
        type: 'RecordIdentityAnswer',
        applicationId: r.applicationId,
        at: r.occurredAt,
        requestId: r.requestId,
        answer: answerOf(r),
      },
      deps,
      causeOf(m),
      r.correlationId,
    );
    if (r.status === 'ERROR' && res.events.length > 0) {
      deps.log.warn(
        { requestId: r.requestId, applicationId: r.applicationId, errorCode: r.errorCode },
        'gateway answered with an error; will ask again',
      );
    }
  };
}
