import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { registerContractSchemas } from '../../../src/platform/messaging/registry.js';
import { contractSchemas } from '../../../src/contract/schemas.js';

interface Seen {
  method: string;
  path: string;
  body: string;
}
type Answer = { status: number; body: unknown };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in Confluent-compatible registry: `answer` decides each reply, every request is kept. */
async function fakeRegistry(answer: (req: Seen) => Answer): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const r = { method: req.method!, path: decodeURIComponent(req.url!), body };
      seen.push(r);
      const a = answer(r);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/apis/ccompat/v7`, seen };
}

const subjects = contractSchemas({ prefix: 'u' }).map((s) => s.subject);

describe('registering the contract on a Confluent-compatible registry', () => {
  it('treats a lost race to create the COMPATIBILITY rule as success once a re-read shows BACKWARD', async () => {
    const rules = new Map<string, string>();
    let conflicts = 0;
    const reg = await fakeRegistry(({ method, path, body }) => {
      const subject = path.split('/')[5]!;
      if (method === 'GET') {
        const level = rules.get(subject);
        if (!level) return { status: 404, body: { message: 'Subject not found.', error_code: 40401 } };
        return { status: 200, body: { compatibilityLevel: level } };
      }
      if (method === 'PUT') {
        // Another process created the rule between our read and our write.
        conflicts++;
        rules.set(subject, (JSON.parse(body) as { compatibility: string }).compatibility);
        return { status: 409, body: { message: "A rule named 'COMPATIBILITY' already exists.", error_code: 0 } };
      }
      return { status: 200, body: { id: subjects.indexOf(subject) + 1 } };
    });
    const registered = await registerContractSchemas(reg.url, 'u', { backoffMs: 1 });
    expect([...registered.values()].map((s) => s.id)).toEqual(subjects.map((_, i) => i + 1));
    expect(conflicts).toBe(subjects.length);
    // The rule before the first version, so that every version is checked.
    const first = reg.seen.filter((r) => r.path.includes(subjects[0]!)).map((r) => r.method);
    expect(first).toEqual(['GET', 'PUT', 'GET', 'POST']);
  });

  it('sets BACKWARD on a subject left without a rule (NONE), and leaves a BACKWARD one alone', async () => {
    const reg = await fakeRegistry(({ method, path }) => {
      const noRule = path.includes(subjects[0]!);
      if (method === 'GET') return { status: 200, body: { compatibilityLevel: noRule ? 'NONE' : 'BACKWARD' } };
      return { status: 200, body: method === 'PUT' ? { compatibility: 'BACKWARD' } : { id: 7 } };
    });
    await registerContractSchemas(reg.url, 'u', { backoffMs: 1 });
    const puts = reg.seen.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path, JSON.parse(r.body)])).toEqual([
      [`/apis/ccompat/v7/config/${subjects[0]}`, { compatibility: 'BACKWARD' }],
    ]);
  });

  it('stops with SCHEMA_COMPATIBILITY_MISMATCH on a level someone chose that is not BACKWARD', async () => {
    const reg = await fakeRegistry(() => ({ status: 200, body: { compatibilityLevel: 'FORWARD' } }));
    await expect(registerContractSchemas(reg.url, 'u', { backoffMs: 1 })).rejects.toMatchObject({
      code: 'SCHEMA_COMPATIBILITY_MISMATCH',
      message: expect.stringMatching(/compatibility FORWARD; the contract needs BACKWARD\. Set it \(PUT \/config\//),
    });
  });

  it('does not retry an incompatible schema and says to publish a new topic version', async () => {
    const reg = await fakeRegistry(({ method }) =>
      method === 'POST'
        ? { status: 409, body: { message: 'Incompatible artifact: num of incompatible diffs: {1}', error_code: 409 } }
        : { status: 200, body: { compatibilityLevel: 'BACKWARD' } },
    );
    await expect(registerContractSchemas(reg.url, 'u', { backoffMs: 1 })).rejects.toMatchObject({
      code: 'SCHEMA_REGISTRATION_FAILED',
      message: expect.stringMatching(/HTTP 409: Incompatible artifact.*new topic version \(\.v2\)/),
    });
    expect(reg.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('gives up after a few attempts on a registry that keeps failing, with what to check', async () => {
    const reg = await fakeRegistry(() => ({ status: 503, body: { message: 'starting' } }));
    await expect(registerContractSchemas(reg.url, 'u', { backoffMs: 1 })).rejects.toMatchObject({
      code: 'SCHEMA_REGISTRATION_FAILED',
      message: expect.stringMatching(/HTTP 503: starting.*failed 6 times: check that the registry is up/),
    });
    expect(reg.seen).toHaveLength(6);
  });
});
