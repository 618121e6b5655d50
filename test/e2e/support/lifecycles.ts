/**
 * The applications of the end-to-end tests and what each must see: the population and the stages
 * are the demo's (src/local/demo/generator.ts); the notices and courier orders are the tests' own.
 */
import { isIssued, type Planned } from '../../../src/local/demo/generator.js';

export {
  expectedStages,
  finalStage,
  isIssued,
  nextWorkingMorning,
  plannedApplications,
  untilClock,
  type Channel,
  type Place,
  type Planned,
} from '../../../src/local/demo/generator.js';

const issued = (path: Planned['path']) => isIssued({ path });

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
