/** Age in whole years on a date (Civil Code: full legal capacity from 18, "кәмелет жасы"). */
import { DateTime } from 'luxon';

export const AGE_OF_MAJORITY = 18;

/**
 * Whole years between birthDate and onDate ('YYYY-MM-DD'); a 29 February birthday counts on 28 February in
 * other years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = DateTime.fromISO(birthDate, { zone: 'utc' });
  const on = DateTime.fromISO(onDate, { zone: 'utc' });
  let years = on.year - birth.year;
  if (birth.plus({ years }) > on) years -= 1;
  return years;
}

export function isMinorOn(birthDate: string, onDate: string): boolean {
  return ageOn(birthDate, onDate) < AGE_OF_MAJORITY;
}
