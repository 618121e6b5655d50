/**
 * Realistic saga states for the query tests: real commands folded through the real core
 * (decide/evolve on the shipped calendar), using the workflow's test fixtures.
 */
import {
  evolve,
  initialState,
  type ApplicationCommand,
  type ApplicationState,
} from '../../../src/core/application/index.js';
import { at, cmd, history, portalApp, pscApp, refusedPscApp } from '../../unit/application/fixtures.js';

export function stateAfter(...commands: ApplicationCommand[]): ApplicationState {
  return history(...commands).reduce(evolve, initialState);
}

/** A portal application received (AWAITING_REGISTRATION), under its own id, submitted on `day` of April 2026. */
export function portalReceived(applicationId: string, day = '06'): ApplicationState {
  return stateAfter(cmd.receive(portalApp({ applicationId, submittedAt: at(day) })));
}

/** A PSC application accepted (AWAITING_REGISTER_DISPATCH). */
export function pscAccepted(applicationId: string, day = '06'): ApplicationState {
  return stateAfter(cmd.receive(pscApp({ applicationId, submittedAt: at(day) })));
}

/** A PSC application refused at intake (INTAKE_REFUSED, closed, no deadlines). */
export function pscRefused(applicationId: string): ApplicationState {
  return stateAfter(cmd.receive(refusedPscApp({ applicationId })));
}

/** The fixtures' application APP-1 (portal) after identity and registration: UNDER_REVIEW. */
export function portalRegistered(): ApplicationState {
  return stateAfter(cmd.receive(portalApp()), cmd.identityOk(at('06', '10:01')), cmd.register(at('06', '11:00')));
}

/** The fixtures' application APP-1 (PSC) handed over: HANDED_OVER, closed. */
export function pscHandedOver(): ApplicationState {
  return stateAfter(
    cmd.receive(pscApp()),
    cmd.identityOk(at('06', '10:01')),
    cmd.dispatchRegister(at('06', '13:00')),
    cmd.deliverRegister(at('06', '15:00')),
    cmd.register(at('06', '15:30')),
    cmd.issue(at('09')),
    cmd.dispatchResult(at('09', '14:00')),
    cmd.deliverResult(at('10', '11:00')),
    cmd.handOver(at('15')),
  );
}

/** A portal application (APP-1 unless named) issued: the duplicate waits at the college office, READY, the term met. */
export function portalReady(applicationId = 'APP-1'): ApplicationState {
  return stateAfter(
    cmd.receive(portalApp({ applicationId })),
    { ...cmd.identityOk(at('06', '10:01')), applicationId, requestId: `idr-${applicationId}-1` },
    { ...cmd.register(at('06', '11:00')), applicationId },
    { ...cmd.issue(at('07')), applicationId },
  );
}
