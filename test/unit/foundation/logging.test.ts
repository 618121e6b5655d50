import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../src/core/application/model.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { redactDeep } from '../../../src/platform/logging/redact.js';

function capture(format: 'json' | 'pretty' = 'json') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { log: createLogger({ level: 'debug', destination, format }), text: () => lines.join('') };
}

const application: Application = {
  applicationId: 'APP-2026-000123',
  channel: 'PSC',
  submittedAt: '2026-03-02T10:15:00+05:00',
  collegeBin: '050440001231',
  collegeName: 'Алматинский политехнический колледж',
  collegeHeadName: 'Сейткали Арман Болатулы',
  applicant: {
    iin: '080215650019',
    surname: 'Жумабекова',
    name: 'Айгерим',
    patronymic: 'Нурлановна',
    phone: '+7 701 234 56 78',
    email: 'aigerim.zh@mail.kz',
  },
  representative: {
    iin: '750512400011',
    surname: 'Жумабеков',
    name: 'Нурлан',
    relation: 'PARENT',
    phone: '+77019876543',
  },
  institutionName: 'Алматинский политехнический колледж',
  graduationYear: 2024,
  specialtyName: 'Программное обеспечение',
  requestedDocument: 'DIPLOMA_WITH_SUPPLEMENT',
  reason: 'LOST',
  personalDataConsent: true,
  presentedDocuments: [{ type: 'ID_CARD', number: '048123456', validUntil: '2031-05-01', holderIin: '750512400011' }],
  resultPlace: { kind: 'PSC', branchId: 'PSC-ALM-07' },
  psc: { receiptNumber: 'R-2026-55501', branchId: 'PSC-ALM-07', operatorId: 'op-314' },
};

const personal = [
  '080215650019',
  '750512400011',
  'Жумабекова',
  'Айгерим',
  'Нурлановна',
  'Жумабеков',
  'Нурлан',
  '+7 701 234 56 78',
  '+77019876543',
  'aigerim.zh@mail.kz',
  '048123456',
  'Сейткали',
];

describe('log redaction', () => {
  it('writes none of the personal data of a full application in clear', () => {
    const { log, text } = capture();
    log.info({ application }, 'application received');
    log.warn({ payload: { nested: [{ application }] } }, 'deeply nested');
    const out = text();
    expect(out).toContain('APP-2026-000123'); // the id is not personal and stays useful
    expect(out).toContain('PSC-ALM-07');
    for (const p of personal) expect(out, `leaked ${p}`).not.toContain(p);
  });

  it('masks IINs, phones and e-mails inside message strings and errors', () => {
    const { log, text } = capture();
    log.info(`identity lookup for 080215650019 by aigerim.zh@mail.kz`);
    log.error(
      { err: new Error('gateway said: person 750512400011 not found, call +7 701 234 56 78') },
      'lookup failed',
    );
    const out = text();
    for (const p of ['080215650019', '750512400011', 'aigerim.zh@mail.kz', '+7 701 234 56 78'])
      expect(out).not.toContain(p);
    expect(out).toContain('lookup failed');
    expect(out).toContain('not found');
  });

  it('writes the same redaction in the pretty format as in JSON: no IIN, name, phone or e-mail in clear', () => {
    const pretty = capture('pretty');
    pretty.log.info({ application }, 'application received');
    pretty.log.info(`identity lookup for 080215650019 by aigerim.zh@mail.kz, call +7 701 234 56 78`);
    pretty.log.error({ err: new Error('person 750512400011 not found') }, 'lookup failed');
    const out = pretty.text();
    expect(out).not.toMatch(/^\{/m); // pretty lines, not JSON objects
    expect(out).toContain('INFO');
    expect(out).toContain('application received');
    expect(out).toContain('APP-2026-000123');
    expect(out).toContain('lookup failed');
    for (const p of personal) expect(out, `leaked ${p}`).not.toContain(p);
  });

  it('writes JSON to a given destination unless pretty is asked for', () => {
    for (const format of ['json', 'auto'] as const) {
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _enc, cb) {
          lines.push(chunk.toString());
          cb();
        },
      });
      createLogger({ destination, format }).info({ iin: '080215650019' }, 'hello');
      expect(JSON.parse(lines.join(''))).toMatchObject({ msg: 'hello', iin: '[REDACTED]', level: 'info' });
    }
  });

  it('keeps non-personal numbers that are not 12 digits, and survives cycles and buffers', () => {
    const cyclic: Record<string, unknown> = { offset: 1234567, partition: 2 };
    cyclic.self = cyclic;
    cyclic.bytes = Buffer.from('abc');
    expect(redactDeep(cyclic)).toEqual({ offset: 1234567, partition: 2, self: '[Circular]', bytes: '<3 bytes>' });
  });
});
