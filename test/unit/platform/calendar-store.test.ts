/**
 * CalendarStore.reload on a temp copy of config/calendar: versions only move forward. A changed
 * file that is not published after the version in use (an older year file edited without moving
 * its publishedAt, or older files put back) is refused with CALENDAR_VERSION_NOT_NEWER and the
 * version in use stays; the same change with a later publishedAt is taken.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarStore } from '../../../src/platform/calendar/calendar-store.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { SHIPPED_CALENDAR_DIR } from '../../support/calendar.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-store-'));
  dirs.push(dir);
  cpSync(SHIPPED_CALENDAR_DIR, dir, { recursive: true });
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { dir, store: new CalendarStore(dir, createLogger({ level: 'info', destination })), lines };
}

const edit = (dir: string, name: string, change: (data: Record<string, unknown>) => Record<string, unknown>) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)));
};

describe('CalendarStore.reload: versions only move forward', () => {
  it('refuses an older year file edited without a later publishedAt; takes it once published after', () => {
    const { dir, store, lines } = setup();
    const inUse = store.current().version;
    edit(dir, '2025.json', (y) => ({ ...y, notes: ['corrected source'] }));
    expect(store.reload()).toBe(false);
    expect(store.current().version).toEqual(inUse);
    expect(lines.at(-1)).toMatchObject({ code: 'CALENDAR_VERSION_NOT_NEWER', inUse: inUse.id });

    edit(dir, '2025.json', (y) => ({ ...y, publishedAt: '2026-12-02T10:00:00+05:00' }));
    expect(store.reload()).toBe(true);
    expect(store.current().version.publishedAt).toBe('2026-12-02T10:00:00+05:00');
    expect(store.current().version.id.startsWith('2026-12-02T10:00:00/')).toBe(true);
  });

  it('refuses older files put back', () => {
    const { dir, store } = setup();
    const original = readFileSync(join(dir, '2027.json'), 'utf8');
    edit(dir, '2027.json', (y) => ({ ...y, publishedAt: '2027-01-10T10:00:00+05:00' }));
    expect(store.reload()).toBe(true);
    const newer = store.current().version.id;
    writeFileSync(join(dir, '2027.json'), original);
    expect(store.reload()).toBe(false);
    expect(store.current().version.id).toBe(newer);
  });
});
