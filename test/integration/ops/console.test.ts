/**
 * The operator console in a real headless browser (Debian's chromium, driven by puppeteer-core),
 * on a running adapter with real Kafka, registry and PostgreSQL: the phase counts show a portal
 * application, in the table and in the Chart.js chart drawn from the same counts, its timeline
 * lists its events and stages with the applicant's IIN and surname masked, the dead-letter page
 * shows a poison record's reason, the overdue page charts the SLA signals (issue 10 items 2 and 3).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics, dlqTopic } from '../../../src/contract/topics.js';
import { countSlaAndIdentity, selectOverdueApplications } from '../../../src/pipeline/status-queries.js';
import { eligiblePerson, portalApplication } from '../../../src/local/demo/applications.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { clockNow } from '../../support/clock.js';

const CHROMIUM = '/usr/bin/chromium';

let h: Harness;
let base: string;
let browser: Browser;
let tab: Page;
/** Errors the pages' scripts threw (Chart.js not loaded, bad chart data). */
const pageErrors: string[] = [];
const now = () => clockNow(h.config);

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The console test needs a headless browser at ${CHROMIUM}: apt-get update && apt-get install -y chromium (.ci/run does it).`,
    );
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // CI runs as root in a container: chromium's sandbox needs namespaces it does not have there.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  tab = await browser.newPage();
  tab.on('pageerror', (err) => pageErrors.push(String(err)));
  h = await harness('console');
  await h.startStub();
  await h.startAdapter();
  base = h.adapter!.http!.address;
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** Opens a console page and returns its visible text. */
async function open(path: string): Promise<string> {
  const res = await tab.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  return tab.$eval('body', (b) => (b as HTMLElement).innerText);
}

/** The rows of a table of the page, each as its cells' text. */
function rows(selector: string): Promise<string[][]> {
  return tab.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())),
  );
}

interface Drawn {
  labels: string[];
  datasets: Array<{ label: string; data: number[] }>;
  /** The canvas's drawn size in CSS pixels. */
  width: number;
  height: number;
}

/** What Chart.js drew on a canvas of the page (null: no chart there), as its own API tells. */
function chartOn(selector: string): Promise<Drawn | null> {
  return tab.$eval(selector, (canvas) => {
    type Chart = { data: Omit<Drawn, 'width' | 'height'>; width: number; height: number };
    const api = (globalThis as unknown as { Chart?: { getChart(c: unknown): Chart | undefined } }).Chart;
    const c = api?.getChart(canvas);
    if (!c) return null;
    const datasets = c.data.datasets.map((d) => ({ label: d.label, data: [...d.data] }));
    return { labels: [...c.data.labels], datasets, width: c.width, height: c.height };
  });
}

const sum = (d: Drawn) => d.datasets.flatMap((s) => s.data).reduce((a, b) => a + b, 0);

describe('operator console', () => {
  let applicant: ReturnType<typeof eligiblePerson>['person'];
  let applicationId = '';

  it('shows an application in the phase counts', async () => {
    applicant = eligiblePerson(
      h.config.gatewayStub.populationSeed,
      h.config.gatewayStub.populationSize,
      5,
      now().slice(0, 10),
    ).person;
    const app = portalApplication(applicant, { submittedAt: now() });
    applicationId = app.applicationId;
    await h.send(Topics.portalApplications, app.applicationId, app);
    await h.reader.until(
      () =>
        h.reader
          .on(h.topic(Topics.monitoringStages))
          .map((m) => m.value as unknown as MonitoringStage)
          .some((s) => s.applicationId === applicationId && s.stage === 'IDENTITY_VERIFIED'),
      30_000,
      'the application verified',
    );
    await h.adapter!.relay.drained();
    await open('/console');
    const table = await rows('#phases');
    expect(table).toContainEqual(['AWAITING_REGISTRATION', 'PORTAL', '1']);
    expect(await tab.$eval('#total', (e) => (e as HTMLElement).innerText)).toBe('1');

    // The chart: Chart.js (served by the console, not inlined) drew the table's counts, phase by channel.
    const drawn = await chartOn('#phases-chart');
    expect(pageErrors).toEqual([]);
    expect(drawn).not.toBeNull();
    expect(drawn!.width).toBeGreaterThan(0);
    expect(drawn!.height).toBeGreaterThan(0);
    expect(drawn!.labels).toEqual([...new Set(table.map((r) => r[0]))]);
    expect(sum(drawn!)).toBe(table.reduce((n, r) => n + Number(r[2]), 0));
    expect(sum(drawn!)).toBe(1);
    const portal = drawn!.datasets.find((d) => d.label === 'PORTAL')!;
    expect(portal.data[drawn!.labels.indexOf('AWAITING_REGISTRATION')]).toBe(1);
    const html = await tab.content();
    expect(html).not.toContain('Chart.js v');
    const bundle = await fetch(`${base}/console/assets/chart.js`);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await bundle.text()).toContain('Chart.js v');
  });

  it("lists the application's events and stages with its personal data masked", async () => {
    await open('/console');
    // The phases page's box opens the timeline (a GET, read-only).
    await tab.type('input[name=id]', applicationId);
    await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.click('button[type=submit]')]);
    expect(tab.url()).toBe(`${base}/console/applications/${applicationId}`);
    const text = await tab.$eval('body', (b) => (b as HTMLElement).innerText);
    expect(text).toContain(`Application ${applicationId}`);
    expect(await tab.$eval('#phase', (e) => (e as HTMLElement).innerText)).toBe('AWAITING_REGISTRATION');
    const events = (await rows('#events')).map((r) => r[2]);
    expect(events).toEqual(await h.eventTypesOf(applicationId));
    const sent = (await rows('#sent')).map((r) => r[2]).join('\n');
    expect(sent).toMatch(/SUBMITTED #\d+/);
    expect(sent).toMatch(/IDENTITY_VERIFIED #\d+/);
    const deadlines = (await rows('#deadlines')).flat().join('\n');
    expect(deadlines).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(applicant.iin);
    expect(text).not.toContain(applicant.surname);
    expect(await tab.content()).not.toContain(applicant.iin);
  });

  it('shows a dead letter with its reason', async () => {
    await h.sendRaw(Topics.portalApplications, 'poison-console', Buffer.from('not avro'));
    await h.reader.until(
      () => h.reader.on(dlqTopic(h.topic(Topics.portalApplications))).length >= 1,
      30_000,
      'the poison parked',
    );
    const text = await open('/console/dlq');
    expect(text).toContain(`${Topics.portalApplications}.dlq (1)`);
    expect((await rows('table.dlq')).map((r) => r[1])).toEqual(['UNDECODABLE']);
  });

  it('shows the calendar of a year and the overdue list', async () => {
    const year = now().slice(0, 4);
    const text = await open(`/console/calendar/${year}`);
    expect(text).toContain(`Calendar ${year}:`);
    expect(text).toMatch(/Source: /);
    // Just submitted: nothing overdue.
    await open('/console/overdue');
    expect(await rows('#overdue')).toEqual([]);
    // The page's query a month on: its term has passed by then.
    const later = new Date(Date.parse(now()) + 40 * 86_400_000);
    expect(await selectOverdueApplications(h.adapter!.db, later)).toEqual([
      expect.objectContaining({ applicationId, phase: 'AWAITING_REGISTRATION', channel: 'PORTAL', termPassed: true }),
    ]);
  });

  // Last: it marks the application at risk in the database behind the adapter's back.
  it('charts the SLA signals of the open applications, as the metrics count them', async () => {
    await open('/console/overdue');
    expect(await chartOn('#sla-chart')).toMatchObject({
      labels: ['at risk', 'breached'],
      datasets: [{ data: [0, 0] }],
    });
    // What the SLA check records when it reports an application at risk (the check itself waits for days of
    // the clock).
    await h.adapter!.db.raw(
      `UPDATE applications SET state = jsonb_set(state, '{state,sla,atRiskReportedAt}', to_jsonb(?::text))
        WHERE application_id = ?`,
      [now(), applicationId],
    );
    await open('/console/overdue');
    expect((await rows('#overdue')).map((r) => r[0])).toEqual([applicationId]);
    const drawn = await chartOn('#sla-chart');
    expect(pageErrors).toEqual([]);
    expect(drawn!.datasets.map((d) => d.data)).toEqual([[1, 0]]);
    expect(await tab.$eval('#at-risk', (e) => (e as HTMLElement).innerText)).toBe('1');
    expect(await tab.$eval('#breached', (e) => (e as HTMLElement).innerText)).toBe('0');
    const counts = await countSlaAndIdentity(h.adapter!.db);
    expect([counts.atRisk, counts.breached]).toEqual([1, 0]);
    const api = (await (await fetch(`${base}/console/api/overdue`)).json()) as { sla: unknown };
    expect(api.sla).toEqual({ atRisk: 1, breached: 0 });
  });
});
