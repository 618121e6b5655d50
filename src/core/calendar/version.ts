/**
 * Which calendar data deadlines were computed on. The hash is taken by the loader (an edge) over
 * the files' contents; `publishedAt` is the newest publication instant among them. Every
 * application records the version of its deadlines, and every monitoring stage carries it.
 */
export interface CalendarVersion {
  /** "<publishedAt date>/<first 12 hex digits of the content hash>", e.g. "2026-12-01/3f9a1c2b7d10". */
  id: string;
  /** SHA-256 of the data, hex. */
  hash: string;
  publishedAt: string;
}

export function versionId(hash: string, publishedAt: string): string {
  return `${publishedAt.slice(0, 10)}/${hash.slice(0, 12)}`;
}
