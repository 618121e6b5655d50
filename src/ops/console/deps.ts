import type { Knex } from 'knex';
import type { TopicName } from '../../contract/topics.js';
import type { ClassifiedCalendar } from '../../core/calendar/index.js';
import type { DeadLetterEntry } from '../dead-letters/read-dead-letters.js';

/** What the console reads: the database, the adapter's clock, the dead letters, the calendar in use. */
export interface ConsoleDeps {
  db: Knex;
  now: () => Date;
  /** The dead letters of an inbound topic (its `.dlq`), read from the beginning; nothing is committed. */
  deadLetters: (inbound: TopicName) => Promise<DeadLetterEntry[]>;
  calendar: () => ClassifiedCalendar;
}
