/**
 * The operator console in a real headless browser (Debian's chromium, driven by puppeteer-core),
 * on a running adapter with real Kafka, registry and PostgreSQL: the phase counts show a portal
 * application, its timeline lists its events and stages with the applicant's IIN and surname
 * masked, the dead-letter page shows a poison record's reason (issue 10 item 2).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringStage } from '../../../src/contract/messages.js';
import { Topics, dlqTopic } from '../../../src/contract/topics.js';
import { selectOverdueApplications } from '../../../src/pipeline/status-queries.js';
import { eligiblePerson, portalApplication } from '../../../src/local/demo/applications.js';
import { harness, type Harness } from '../../support/adapter-harness.js';
import { clockNow } from '../../support/clock.js';

const CHROMIUM = '/usr/bin/chromium';

let h: Harness;
let base: string;
let browser: Browser;
let tab: Page;
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
    expect(await rows('#phases')).toContainEqual(['AWAITING_REGISTRATION', 'PORTAL', '1']);
    expect(await tab.$eval('#total', (e) => (e as HTMLElement).innerText)).toBe('1');
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
});
