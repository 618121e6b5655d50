/**
 * `/console/dlq`: the dead letters of every inbound topic with their reason and coordinates, as
 * `dlq-list` shows them (masked as in the logs) (never the payload). Read-only: replaying stays a CLI command.
 */
import type { FastifyInstance } from 'fastify';
import { INBOUND_TOPICS, type TopicName } from '../../contract/topics.js';
import { redactDeep } from '../../platform/logging/redact.js';
import { describeDeadLetter } from '../dead-letters/read-dead-letters.js';
import type { ConsoleDeps } from './deps.js';
import { html, page } from './html.js';

interface TopicLetters {
  topic: TopicName;
  letters: Array<Record<string, unknown>>;
  /** Why the topic's dead letters could not be read, if they could not. */
  error: string | null;
}

async function allDeadLetters(deps: ConsoleDeps): Promise<TopicLetters[]> {
  return Promise.all(
    INBOUND_TOPICS.map(async (topic) => {
      try {
        // An error text may quote a value: masked as in the logs.
        const letters = (await deps.deadLetters(topic)).map((e) => redactDeep(describeDeadLetter(e)));
        return { topic, letters: letters as Array<Record<string, unknown>>, error: null };
      } catch (err) {
        return { topic, letters: [], error: (err as Error).message };
      }
    }),
  );
}

const cell = (v: unknown) => (v === null || v === undefined ? '-' : String(v));

export function dlqRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/api/dlq', async () => ({ topics: await allDeadLetters(deps) }));
  app.get('/console/dlq', async (_req, reply) => {
    const topics = await allDeadLetters(deps);
    const body = html` <p>
        Read-only: replay with <code>npm run cli -- dlq-replay &lt;inbound topic&gt;</code> once the cause is fixed.
      </p>
      ${topics.map(
        (t) =>
          html`<h2>${t.topic}.dlq (${t.letters.length})</h2>
            ${t.error ? html`<p class="bad">Could not be read: ${t.error}</p>` : ''}
            ${
              t.letters.length === 0
                ? ''
                : html`<table class="dlq">
                    <thead>
                      <tr>
                        <th>DLQ</th>
                        <th>Reason</th>
                        <th>Text</th>
                        <th>Path</th>
                        <th>Source</th>
                        <th>Bytes</th>
                        <th>Parked at</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${t.letters.map(
                        (l) =>
                          html`<tr>
                            <td>${cell(l.dlq)}</td>
                            <td class="bad">${cell(l.errorCode)}</td>
                            <td>${cell(l.errorText)}</td>
                            <td>${cell(l.errorPath)}</td>
                            <td>${cell(l.source)}</td>
                            <td>${cell(l.bytes)}</td>
                            <td>${cell(l.parkedAt)}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
            }`,
      )}`;
    return reply.type('text/html; charset=utf-8').send(page('Dead letters per inbound topic', body));
  });
}
