/**
 * The college simulator as a Kafka participant (tests, demo): reads college.applications.v1 (an
 * application addressed to a college, keyed by its BIN; an IDENTITY_CHECKED update is noted) and answers each on
 * college.decisions.v1 (keyed by application id) with the decisions planned by plan.ts, each when
 * the adapter's clock (config clock.*) reaches it. Office hours and working days come from the
 * calendar directory (config calendar.dir, by default the shipped config/calendar) and
 * schedules.json; the calendar is read once at start.
 */
import type { CollegeApplicationRegistered } from '../../contract/messages.js';
import { Topics } from '../../contract/topics.js';
import { SHIPPED_CALENDAR_DIR } from '../../platform/calendar/calendar-store.js';
import { loadCalendarDirectory } from '../../platform/calendar/load-calendar-directory.js';
import { createClock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/schema.js';
import type { Logger } from '../../platform/logging/logger.js';
import { collegeOfficeHours } from '../simulator-kit/office-hours.js';
import { startPlannedResponder } from '../simulator-kit/planned-responder.js';
import type { SimulatorStats } from '../simulator-kit/stats.js';
import { planCollegeDecisions } from './plan.js';

export interface CollegeSimulator {
  stop(): Promise<void>;
  stats(): SimulatorStats;
  /** Full names of the topics it consumes and answers on. */
  readonly applicationsTopic: string;
  readonly decisionsTopic: string;
}

export async function startCollegeSimulator(config: AppConfig, log: Logger): Promise<CollegeSimulator> {
  const calendar = loadCalendarDirectory(config.calendar.dir || SHIPPED_CALENDAR_DIR);
  const office = collegeOfficeHours(calendar);
  const settings = config.collegeSimulator;
  const responder = await startPlannedResponder(config, log, {
    name: 'college-simulator',
    inTopic: Topics.collegeApplications,
    outTopic: Topics.collegeDecisions,
    clock: createClock(config.clock),
    plan: (app: CollegeApplicationRegistered) => {
      const logIds = { applicationId: app.applicationId, collegeBin: app.collegeBin };
      // The end of an identity check of an application already planned: the plan stands.
      if (app.purpose === 'IDENTITY_CHECKED') return { kind: 'NOTE', reason: 'identity check over', logIds };
      const plan = planCollegeDecisions(app, settings, calendar, office);
      return {
        kind: 'PLAN',
        caseId: app.applicationId,
        path: plan.path,
        steps: plan.steps,
        logIds,
      };
    },
  });
  return {
    applicationsTopic: responder.inTopic,
    decisionsTopic: responder.outTopic,
    stats: responder.stats,
    stop: responder.stop,
  };
}
