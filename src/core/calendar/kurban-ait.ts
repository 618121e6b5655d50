/**
 * The expected first day of Kurban Ait (Eid al-Adha, 10 Dhu al-Hijjah) of a Gregorian year, for
 * a year whose date is not announced yet. The Spiritual Administration of Muslims of Kazakhstan
 * (ДУМК / ҚМДБ) sets the date from astronomical data, usually in November of the year before; the
 * Umm al-Qura calendar, read here through the runtime's ICU data (Intl, calendar
 * "islamic-umalqura"), gave the announced dates of 2025 (6 June) and 2026 (27 May). An expected
 * date is marked as such and keeps its year provisional until a year file announces the date.
 */
import { CalendarError } from './errors.js';
import { dateOfDay, dayNumber } from './iso-date.js';

const HIJRI = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'numeric',
});

/**
 * A runtime without full ICU (small-icu, some system-icu builds) silently formats in the Gregorian
 * calendar, which would put Kurban Ait on 10 December: refuse instead of guessing.
 */
function assertUmmAlQura(): void {
  const resolved = HIJRI.resolvedOptions().calendar;
  if (resolved !== 'islamic-umalqura') {
    throw new CalendarError(
      'CALENDAR_ICU_MISSING',
      `This Node.js runtime has no Umm al-Qura calendar (Intl resolved "${resolved}"): the expected Kurban Ait ` +
        'cannot be computed. Run Node.js with full ICU (the default of the official builds), or give kurbanAit in every year file.',
      { resolved },
    );
  }
}

function hijriMonthDay(day: number): { month: number; day: number } {
  const parts = HIJRI.formatToParts(new Date(day * 86_400_000));
  return {
    month: Number(parts.find((p) => p.type === 'month')?.value),
    day: Number(parts.find((p) => p.type === 'day')?.value),
  };
}

/** Every 10 Dhu al-Hijjah in `year` (a Gregorian year can hold two, e.g. 2039). */
export function expectedKurbanAit(year: number): string[] {
  assertUmmAlQura();
  const out: string[] = [];
  const last = dayNumber(`${year}-12-31`);
  for (let d = dayNumber(`${year}-01-01`); d <= last; d++) {
    const h = hijriMonthDay(d);
    if (h.month === 12 && h.day === 10) out.push(dateOfDay(d));
    // Jump close to the next candidate: the Hijri year is 354-355 days long.
    if (h.month === 12 && h.day === 10) d += 340;
  }
  return out;
}

export const EXPECTED_KURBAN_AIT_BASIS =
  'expected: 10 Dhu al-Hijjah by the Umm al-Qura calendar (ICU "islamic-umalqura"); to be confirmed by the ' +
  'Spiritual Administration of Muslims of Kazakhstan and the labour authority (Labour Code art. 84 p.5)';
