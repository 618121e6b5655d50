/**
 * The applications of the end-to-end tests and what each must see: the population and the stages
 * are the demo's (src/local/demo/generator.ts); the notices and courier orders are the tests' own.
 */
import type { AppConfig } from '../../../src/platform/config/schema.js';
import { isIssued, plannedApplications, type Planned } from '../../../src/local/demo/generator.js';

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

/** Channel/place/path kinds and college paths a plan must hold to cover every path of SPEC section 2. */
export const COVERED_KINDS = [
  'PORTAL/PORTAL/ISSUE',
  'PORTAL/PSC/ISSUE',
  'PSC/PSC/ISSUE',
  'COLLEGE_OFFICE/COLLEGE_OFFICE/ISSUE',
];
export const COVERED_PATHS: Array<Planned['path']> = ['HEARING_REFUSE', 'HEARING_ISSUE'];

export const covers = (apps: Planned[]): boolean => {
  const kinds = new Set(apps.map((a) => `${a.channel}/${a.place}/${a.path}`));
  return (
    COVERED_KINDS.every((k) => kinds.has(k)) &&
    COVERED_PATHS.every((p) => apps.some((a) => a.path === p)) &&
    apps.some((a) => a.uncollected)
  );
};

/**
 * A plan of `n` applications that covers every path: the college simulator's path follows from the
 * application id (a fresh UUID each time), so a plan is drawn again until it covers them all (a
 * 40-application plan misses one about 3 times in 100).
 */
export function coveringPlan(config: AppConfig, n: number, at: string, uncollectedEvery: number): Planned[] {
  for (let attempt = 0; attempt < 100; attempt++) {
    const apps = plannedApplications(config, n, at, uncollectedEvery);
    if (covers(apps)) return apps;
  }
  throw new Error(`no plan of ${n} applications covers every path in 100 draws: check collegeSimulator.mix`);
}
