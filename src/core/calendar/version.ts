/**
 * Which calendar data deadlines were computed on. The hash is taken by the loader (an edge) over
 * the files' contents; `publishedAt` is the newest publication instant among them. Every
 * application records the version of its deadlines, and every monitoring stage carries it.
 *
 * Versions are totally ordered (compareCalendarVersions): by the publication instant, then by the
 * content hash, so every instance agrees which of two versions is the newer and a deadline is
 * never revised back to an older version (docs/deadline-rules.md).
 */
import { DateTime } from 'luxon';

export interface CalendarVersion {
  /**
   * "<publishedAt at UTC+5, to the second>/<first 12 hex digits of the content hash>", e.g.
   * "2026-12-01T12:00:00/3f9a1c2b7d10". Ids stored before the time was part of it read
   * "<publishedAt date>/<hash>" (e.g. "2026-12-01/3f9a1c2b7d10").
   */
  id: string;
  /** SHA-256 of the data, hex. */
  hash: string;
  publishedAt: string;
}

/** Kazakhstan's offset since 1 March 2024: a fixed one, so the id's time never goes back. */
const ID_ZONE = 'UTC+5';

export function versionId(hash: string, publishedAt: string): string {
  const at = DateTime.fromISO(publishedAt, { setZone: true }).setZone(ID_ZONE);
  return `${at.toFormat("yyyy-MM-dd'T'HH:mm:ss")}/${hash.slice(0, 12)}`;
}

const ID_RE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2})?\/(.*)$/;

/** The order key of a version id: publication date, time ('' for an id of the older form), hash. */
function orderKey(id: string): [string, string, string] {
  const m = ID_RE.exec(id);
  return m ? [m[1]!, m[2] ?? '', m[3]!] : [id, '', ''];
}

/**
 * Negative when version `a` is older than `b`, 0 when they are the same, positive when newer: by
 * the publication instant (an id of the older form, which has only the date, comes before the ids
 * of its day), then by the content hash (versions published at the same instant: an arbitrary but
 * agreed order).
 */
export function compareCalendarVersions(a: string, b: string): number {
  const ka = orderKey(a);
  const kb = orderKey(b);
  for (let i = 0; i < 3; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}
