/** A college decision as a college's system sends it on college.decisions.v1 (tests play the college). */
import { randomUUID } from 'node:crypto';
import { envelope } from '../../src/contract/envelope.js';
import type { CollegeDecisionMessage } from '../../src/contract/messages.js';
import { Topics } from '../../src/contract/topics.js';
import { DEMO_COLLEGE_BIN } from '../../src/local/demo/applications.js';

export function collegeDecision(
  occurredAt: string,
  applicationId: string,
  kind: CollegeDecisionMessage['kind'],
  body: object,
  collegeBin = DEMO_COLLEGE_BIN,
): CollegeDecisionMessage {
  const header = { messageId: randomUUID(), correlationId: applicationId, occurredAt, applicationId, collegeBin };
  return envelope<CollegeDecisionMessage>(Topics.collegeDecisions, kind, body, header);
}
