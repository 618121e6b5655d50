/**
 * One year of the Kazakhstan calendar, from the statute (statute.json) and the year's own
 * decisions (<year>.json, optional):
 * 1. the statutory days off in force that year (Law "On holidays" art. 5; Labour Code art. 84 p.5);
 * 2. the first day of Kurban Ait: announced or expected in the year file, else expected from the
 *    Umm al-Qura calendar;
 * 3. the labour authority's transfers (Labour Code art. 85 p.3): a weekend day made working, a
 *    weekday made a day off;
 * 4. the weekend rule (Law "On holidays" art. 5): a holiday on a day of weekly rest moves the day
 *    off to the next working day, except 7 January and Kurban Ait (movesWhenOnWeekend: false).
 */
import { CalendarDataError } from './errors.js';
import { dateOfDay, dayNumber, weekdayOfDay } from './iso-date.js';
import { EXPECTED_KURBAN_AIT_BASIS, expectedKurbanAit } from './kurban-ait.js';
import { inForceIn, type Statute } from './statute-schema.js';
import { kurbanAitList, type ParsedYear } from './year-schema.js';

export type DayKind = 'WORKING' | 'WEEKEND' | 'HOLIDAY' | 'MOVED_DAY_OFF' | 'TRANSFERRED_WORKING_DAY';

/** Why a day is off (or a weekend day working), for people: what, why and on which source. */
export interface DayReason {
  date: string;
  kind: Exclude<DayKind, 'WORKING' | 'WEEKEND'>;
  /** Statute id of the holiday behind it (e.g. "nauryz"), or "transfer". */
  holidayId: string;
  reason: string;
  source: string;
}

export type YearStatus = 'official' | 'provisional';

export interface KurbanAitInfo {
  date: string;
  basis: 'ANNOUNCED' | 'EXPECTED';
  source: string;
}

export interface YearInfo {
  year: number;
  status: YearStatus;
  /** FILE: a year file decides; STATUTE: the statute alone (no file), always provisional. */
  basis: 'FILE' | 'STATUTE';
  publishedAt: string | null;
  source: string;
  kurbanAit: KurbanAitInfo[];
  pending: string[];
  notes: string[];
}

export interface YearDays {
  info: YearInfo;
  /** Day number of 1 January. */
  firstDay: number;
  /** One DayKind index per day of the year (see KIND_CODES). */
  kinds: Uint8Array;
  /** Days off and working weekend days with their reason, by date. */
  reasons: Map<string, DayReason>;
}

export const KIND_CODES: readonly DayKind[] = [
  'WORKING',
  'WEEKEND',
  'HOLIDAY',
  'MOVED_DAY_OFF',
  'TRANSFERRED_WORKING_DAY',
];
const WORKING = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MOVED = 3;
const WORKING_WEEKEND = 4;

function kurbanAitOf(year: number, file: ParsedYear | undefined, problems: string[]): KurbanAitInfo[] {
  const given = file ? kurbanAitList(file) : [];
  if (given.length === 0)
    return expectedKurbanAit(year).map((date) => ({ date, basis: 'EXPECTED', source: EXPECTED_KURBAN_AIT_BASIS }));
  const expected = expectedKurbanAit(year);
  if (given.length < expected.length) {
    problems.push(
      `kurbanAit: ${year} holds ${expected.length} Kurban Ait days by the Umm al-Qura calendar (${expected.join(', ')}); give a list with each`,
    );
  }
  return given.map((k) => ({ ...k }));
}

function infoOf(year: number, statute: Statute, file: ParsedYear | undefined, kurbanAit: KurbanAitInfo[]): YearInfo {
  if (file) {
    return {
      year,
      status: file.status,
      basis: 'FILE',
      publishedAt: file.publishedAt,
      source: file.source,
      kurbanAit,
      pending: file.pending,
      notes: file.notes,
    };
  }
  return {
    year,
    status: 'provisional',
    basis: 'STATUTE',
    publishedAt: statute.publishedAt,
    source: `no year file: the statute alone (${statute.source})`,
    kurbanAit,
    pending: [
      `the first day of Kurban Ait (expected ${kurbanAit.map((k) => k.date).join(', ') || 'none this year'})`,
      "the labour authority's transfers of days off (Labour Code art. 85 p.3)",
    ],
    notes: [],
  };
}

export function buildYearDays(
  year: number,
  statute: Statute,
  file: ParsedYear | undefined,
  fileLabel: string,
): YearDays {
  const firstDay = dayNumber(`${year}-01-01`);
  const size = dayNumber(`${year + 1}-01-01`) - firstDay;
  const kinds = new Uint8Array(size);
  const weekend = new Set(statute.weekend.days);
  for (let i = 0; i < size; i++) kinds[i] = weekend.has(weekdayOfDay(firstDay + i)) ? WEEKEND : WORKING;
  const reasons = new Map<string, DayReason>();
  const problems: string[] = [];
  const kurbanAit = kurbanAitOf(year, file, problems);
  const info = infoOf(year, statute, file, kurbanAit);

  // 1-2. Statutory holidays of the year, Kurban Ait with its date of the year.
  const holidays: { date: string; id: string; name: string; moves: boolean; source: string }[] = [];
  for (const h of statute.holidays) {
    if (!inForceIn(h, year)) continue;
    if (h.kind === 'FIXED') {
      for (const md of h.days)
        holidays.push({
          date: `${year}-${md}`,
          id: h.id,
          name: h.name.en,
          moves: h.movesWhenOnWeekend,
          source: h.source,
        });
    } else {
      for (const k of kurbanAit) {
        holidays.push({
          date: k.date,
          id: h.id,
          name: `${h.name.en} (${k.basis.toLowerCase()})`,
          moves: false,
          source: `${h.source}; date: ${k.source}`,
        });
      }
    }
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  for (const h of holidays) {
    const i = dayNumber(h.date) - firstDay;
    if (kinds[i] === HOLIDAY) continue; // two holidays on one day (e.g. Kurban Ait on 7 January): one day off
    kinds[i] = HOLIDAY;
    reasons.set(h.date, { date: h.date, kind: 'HOLIDAY', holidayId: h.id, reason: h.name, source: h.source });
  }

  // 3. Transfers of the year: decided before the rule moves, which never take a day made working.
  for (const [n, t] of (file?.transfers ?? []).entries()) {
    const w = dayNumber(t.workingDay) - firstDay;
    const o = dayNumber(t.dayOff) - firstDay;
    if (kinds[o] !== WORKING) {
      problems.push(
        `transfers[${n}] (${t.dayOff}).dayOff: ${t.dayOff} is already a day off (${reasons.get(t.dayOff)?.reason ?? 'weekend'}); name a working weekday`,
      );
      continue;
    }
    if (kinds[w] === HOLIDAY) {
      problems.push(
        `transfers[${n}] (${t.dayOff}).workingDay: ${t.workingDay} is a holiday (${reasons.get(t.workingDay)?.reason}); a holiday cannot be made working`,
      );
      continue;
    }
    kinds[w] = WORKING_WEEKEND;
    kinds[o] = MOVED;
    reasons.set(t.workingDay, {
      date: t.workingDay,
      kind: 'TRANSFERRED_WORKING_DAY',
      holidayId: 'transfer',
      reason: `working day in exchange for ${t.dayOff}`,
      source: t.source,
    });
    reasons.set(t.dayOff, {
      date: t.dayOff,
      kind: 'MOVED_DAY_OFF',
      holidayId: 'transfer',
      reason: `day off moved from ${t.workingDay}`,
      source: t.source,
    });
  }

  // 4. The weekend rule, in date order: the next day that is neither a rest day nor already off.
  const movedByRule: string[] = [];
  for (const h of holidays) {
    const i = dayNumber(h.date) - firstDay;
    if (!h.moves || !weekend.has(weekdayOfDay(firstDay + i))) continue;
    let j = i + 1;
    while (j < size && kinds[j] !== WORKING) j++;
    if (j >= size) {
      problems.push(`the day off of ${h.name} ${h.date} would move into the next year; add a transfer for it`);
      continue;
    }
    kinds[j] = MOVED;
    const date = dateOfDay(firstDay + j);
    movedByRule.push(date);
    reasons.set(date, {
      date,
      kind: 'MOVED_DAY_OFF',
      holidayId: h.id,
      reason: `${h.name} ${h.date} fell on a day of weekly rest`,
      source: `${statute.weekendRule.source}; ${h.source}`,
    });
  }

  if (file?.publishedMovedDaysOff) {
    const computed = new Set([...movedByRule, ...file.transfers.map((t) => t.dayOff)]);
    const published = new Set(file.publishedMovedDaysOff.dates);
    const missing = [...published].filter((d) => !computed.has(d)).sort();
    const extra = [...computed].filter((d) => !published.has(d)).sort();
    if (missing.length || extra.length) {
      problems.push(
        `publishedMovedDaysOff: the statute and the transfers give ${[...computed].sort().join(', ') || 'none'}; ` +
          `published but not computed [${missing.join(', ')}], computed but not published [${extra.join(', ')}]. ` +
          'Correct the list, add the missing transfer, or correct statute.json',
      );
    }
  }
  if (problems.length > 0) throw new CalendarDataError(fileLabel, problems);
  return { info, firstDay, kinds, reasons };
}

export { WORKING, WEEKEND, HOLIDAY, MOVED, WORKING_WEEKEND };
