/**
 * The regulation core of the service "Issuance of duplicates of TVET documents" (Order No. 312,
 * items 46-64): the application workflow (decide / evolve), the monitoring stages and the SLA
 * check, the state codec. Pure: no I/O, no clock.
 */
export * from './model.js';
export type * from './workflow/commands.js';
export type * from './workflow/events.js';
export type { DecideContext, DecidePolicy, IdentityPolicy } from './workflow/context.js';
export { identityRequestId } from './workflow/identity-request-id.js';
export type { TimerPurpose } from './effects/intents.js';
export { initialState, isTermRunning, CLOSED_PHASES } from './workflow/state.js';
export { IDENTITY_PHASES } from './workflow/decide-identity.js';
export type * from './workflow/state.js';
export { decide, decideOrThrow } from './workflow/decide.js';
export { evolve, fold } from './workflow/evolve.js';
export { CommandRejectedError } from './workflow/rejection.js';
export type { Rejection, RejectionCode, DecideResult } from './workflow/rejection.js';
export { stageOf, stagesOf, stageCodeOf } from './monitoring/stage-of.js';
export type { StageReport } from './monitoring/stage-of.js';
export { slaCheck } from './monitoring/sla-check.js';
export type { SlaSignal } from './monitoring/sla-check.js';
export { encodeState, decodeState, StateDecodeError, STATE_SCHEMA_VERSION } from './codec/state-codec.js';
export type * from './receipts/receipt-types.js';
export { buildAcceptanceReceipt, buildRefusalReceipt } from './receipts/build-receipts.js';
