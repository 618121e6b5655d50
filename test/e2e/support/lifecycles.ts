/**
 * A population of applications on every channel and result place, and the stages each must reach
 * (SPEC section 3), from what the test chose (channel, place, consent, collected or not) and what
 * the college simulator will decide for it (its draws are a pure function of the application id).
 */
import type {
  CollegeDecisionMessage,
  CorporationApplicationMessage,
  IdentityPerson,
} from '../../../src/contract/messages.js';
import type { PortalApplicationSubmitted } from '../../../src/contract/messages.js';
import { Topics, type TopicName } from '../../../src/contract/topics.js';
import { drawCollege, type CollegePath } from '../../../src/local/college-simulator/draws.js';
import {
  eligiblePerson,
  officeApplication,
  portalApplication,
  pscApplication,
} from '../../../src/local/demo/applications.js';
import type { AppConfig } from '../../../src/platform/config/schema.js';
import { clockNow } from '../../support/clock.js';

export type Channel = 'PORTAL' | 'PSC' | 'COLLEGE_OFFICE';
export type Place = 'PORTAL' | 'PSC' | 'COLLEGE_OFFICE';

export interface Planned {
  id: string;
  channel: Channel;
  place: Place;
  path: CollegePath;
  /** Not collected at the PSC within the month: returned to the college, requested back, then handed over. */
  uncollected: boolean;
  applicantIin: string;
  topic: TopicName;
  value: PortalApplicationSubmitted | CorporationApplicationMessage | CollegeDecisionMessage;
}

/**
 * `n` applications at instant `at`: in tens, 3 portal (result at the college office), 1 portal
 * with a PSC place, 4 PSC, 2 at the college office; every 25th without consent (G3 after a hearing);
 * PSC ones with index `uncollectedEvery` apart are not collected in the month.
 */
export function plannedApplications(config: AppConfig, n: number, at: string, uncollectedEvery = 0): Planned[] {
  const { populationSeed: seed, populationSize: size } = config.gatewayStub;
  const s = config.collegeSimulator;
  const branchId = 'PSC-ALM-07';
  return Array.from({ length: n }, (_, i) => {
    const { person } = eligiblePerson(seed, size, i * 2, at.slice(0, 10));
    const consent = i % 25 !== 7;
    const slot = i % 10;
    const built = build(person, slot, consent, at, branchId);
    const path = drawCollege(s.seed, built.id, s.mix, s.objectionRate, consent).path;
    const uncollected =
      built.place === 'PSC' && built.channel === 'PSC' && uncollectedEvery > 0 && i % uncollectedEvery === 4;
    return { ...built, path, uncollected, applicantIin: person.iin };
  });
}

function build(person: IdentityPerson, slot: number, consent: boolean, at: string, branchId: string) {
  if (slot <= 3) {
    const value = portalApplication(person, {
      submittedAt: at,
      consent,
      pscBranchId: slot === 3 ? branchId : undefined,
    });
    const place: Place = slot === 3 ? 'PSC' : 'PORTAL';
    return { id: value.applicationId, channel: 'PORTAL' as const, place, topic: Topics.portalApplications, value };
  }
  if (slot <= 7) {
    const value = pscApplication(person, { acceptedAt: at, consent, branchId });
    return {
      id: value.applicationId,
      channel: 'PSC' as const,
      place: 'PSC' as const,
      topic: Topics.corporationApplications,
      value,
    };
  }
  const value = officeApplication(person, { receivedAt: at, consent });
  return {
    id: value.applicationId,
    channel: 'COLLEGE_OFFICE' as const,
    place: 'COLLEGE_OFFICE' as const,
    topic: Topics.collegeDecisions,
    value,
  };
}

const issued = (path: CollegePath) => path === 'ISSUE' || path === 'HEARING_ISSUE';

/** The monitoring stages of a whole lifecycle, in order. */
export function expectedStages(a: Planned): string[] {
  const s = [a.channel === 'PORTAL' ? 'SUBMITTED' : 'ACCEPTED', 'IDENTITY_VERIFIED'];
  if (a.channel === 'PSC') s.push('REGISTER_DISPATCHED', 'DELIVERED_TO_COLLEGE');
  s.push('REGISTERED_AT_COLLEGE');
  if (a.path !== 'ISSUE') s.push('PRELIMINARY_REFUSAL', 'HEARING_HELD');
  s.push(...(issued(a.path) ? ['DUPLICATE_ISSUED', 'DIGITAL_PUBLISHED'] : ['REFUSED']));
  if (a.place === 'PSC') {
    s.push('RESULT_DISPATCHED', 'RESULT_READY');
    if (a.uncollected) s.push('RETURNED_TO_COLLEGE', 'RESULT_DISPATCHED', 'RESULT_READY');
    s.push('HANDED_OVER');
  } else {
    // At the college office: a duplicate is collected there (the college simulator reports it); a
    // refusal reached the applicant as a motivated notice and stays ready.
    s.push('RESULT_READY');
    if (issued(a.path)) s.push('HANDED_OVER');
  }
  return s;
}

/**
 * The identity check and the paper travel independently at a PSC or an office (the college gets
 * the application before or after the gateway's answer), so IDENTITY_VERIFIED's place among the
 * stages is free there; on the portal it comes before the college, which waits for it.
 */
export function comparable(a: Planned, stages: string[]): string[] {
  if (a.channel === 'PORTAL') return stages;
  const i = stages.indexOf('IDENTITY_VERIFIED');
  if (i <= 0) return stages;
  return [stages[0]!, 'IDENTITY_VERIFIED', ...stages.slice(1, i), ...stages.slice(i + 1)];
}

/** The last stage of a lifecycle: the application is done when it has it. */
export function finalStage(a: Planned): string {
  return expectedStages(a).at(-1)!;
}

/** What each party is told about one application over its lifecycle, in order. */
export function expectedNotices(a: Planned): { portal: string[]; psc: string[] } {
  const heard = a.path !== 'ISSUE';
  const hearing = heard ? ['HEARING_NOTICE'] : [];
  if (a.channel === 'PORTAL') {
    const portal = ['ACCEPTED', ...hearing, issued(a.path) ? 'READY' : 'REFUSED'];
    return { portal, psc: a.place === 'PSC' ? ['RESULT_READY_FOR_HANDOVER'] : [] };
  }
  if (a.channel === 'PSC') {
    const again = a.uncollected ? ['RETURN_TO_COLLEGE_DUE', 'RESULT_READY_FOR_HANDOVER'] : [];
    return { portal: [], psc: ['RECEIPT', ...hearing, 'RESULT_READY_FOR_HANDOVER', ...again] };
  }
  return { portal: [], psc: [] };
}

/** Courier orders naming the application: its register (PSC channel) and its result's trips to a PSC. */
export function expectedOrders(a: Planned): string[] {
  const trips = a.place === 'PSC' ? (a.uncollected ? 2 : 1) : 0;
  return [...(a.channel === 'PSC' ? ['REGISTER_DISPATCH'] : []), ...Array<string>(trips).fill('RESULT_DISPATCH')];
}

export const isIssued = (a: Planned) => issued(a.path);

/**
 * 09:00 of the next working day on the run's clock, at least an hour ahead: the processes of a
 * fast clock take many clock hours to start, so applications are filed at a fixed office moment
 * once they all run, not at the clock's start.
 */
export function nextWorkingMorning(
  config: AppConfig,
  calendar: { isWorkingDay(d: string): boolean; nextWorkingDay(d: string): string },
): string {
  const now = Date.parse(clockNow(config));
  const today = clockNow(config).slice(0, 10);
  const at = (d: string) => `${d}T09:00:00.000+05:00`;
  if (calendar.isWorkingDay(today) && Date.parse(at(today)) - now >= 3_600_000) return at(today);
  return at(calendar.nextWorkingDay(today));
}

/** Sleeps until the run's clock reads `instant`. */
export async function untilClock(config: AppConfig, instant: string): Promise<void> {
  const realMs = (Date.parse(instant) - Date.parse(clockNow(config))) / config.clock.speed;
  if (realMs > 0) await new Promise((r) => setTimeout(r, realMs));
}
