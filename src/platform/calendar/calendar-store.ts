/**
 * The calendar in use, loaded from a directory at start and reloaded while the adapter runs: on a
 * file change (fs.watch, debounced) or on request (SIGHUP, the reload method). A version that
 * does not validate, or is not published after the version in use, is refused with its problems
 * logged, and the version in use stays; a valid new version is announced to the listeners (the
 * deadline revision).
 */
import { watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClassifiedCalendar } from '../../core/calendar/index.js';
import type { Logger } from '../logging/logger.js';
import { loadCalendarDirectory } from './load-calendar-directory.js';

export const SHIPPED_CALENDAR_DIR = fileURLToPath(new URL('../../../config/calendar/', import.meta.url));

export type CalendarListener = (next: ClassifiedCalendar, previous: ClassifiedCalendar) => void;

export class CalendarStore {
  private calendar: ClassifiedCalendar;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly listeners: CalendarListener[] = [];

  /** Loads the directory; a start with invalid calendar data fails (CALENDAR_DATA_INVALID). */
  constructor(
    readonly dir: string,
    private readonly log: Logger,
  ) {
    this.calendar = loadCalendarDirectory(dir);
  }

  current(): ClassifiedCalendar {
    return this.calendar;
  }

  onChange(listener: CalendarListener): void {
    this.listeners.push(listener);
  }

  /** Reads the directory again. Returns true when a new valid version was taken into use. */
  reload(): boolean {
    let next: ClassifiedCalendar;
    try {
      next = loadCalendarDirectory(this.dir);
    } catch (err) {
      const e = err as { code?: string; message?: string; details?: unknown };
      this.log.error(
        { code: e.code ?? 'CALENDAR_RELOAD_FAILED', details: e.details, inUse: this.calendar.version.id },
        `calendar reload refused; version ${this.calendar.version.id} stays in use: ${e.message}`,
      );
      return false;
    }
    if (next.version.hash === this.calendar.version.hash) return false;
    // Versions are ordered by their publication (docs/deadline-rules.md): a change that is not
    // published after the version in use (an edited file whose publishedAt was not moved, or older
    // files put back) would be older than the deadlines already revised on the version in use.
    if (Date.parse(next.version.publishedAt) <= Date.parse(this.calendar.version.publishedAt)) {
      this.log.error(
        {
          code: 'CALENDAR_VERSION_NOT_NEWER',
          version: next.version.id,
          publishedAt: next.version.publishedAt,
          inUse: this.calendar.version.id,
        },
        `calendar reload refused; version ${this.calendar.version.id} stays in use: the changed files are not published after it (newest publishedAt ${next.version.publishedAt}); set publishedAt of the file you changed to the time of the change`,
      );
      return false;
    }
    const previous = this.calendar;
    this.calendar = next;
    this.log.info(
      { code: 'CALENDAR_RELOADED', version: next.version.id, previous: previous.version.id },
      'calendar version loaded',
    );
    for (const l of this.listeners) l(next, previous);
    return true;
  }

  /** Reloads on every change in the directory (an editor's save is several events: one reload). */
  watch(debounceMs = 300): void {
    this.watcher = watch(this.dir, () => {
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.reload(), debounceMs);
    });
    this.watcher.on('error', (err) => this.log.warn({ err }, 'calendar directory watch failed; reload with SIGHUP'));
  }

  close(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.watcher?.close();
  }
}
