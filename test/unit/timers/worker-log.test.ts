import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { graphileLogger, safeMeta } from '../../../src/timers/worker-log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  return { log, lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), text: () => lines.join('') };
}

const job = {
  id: 42,
  task_identifier: 'identity-retry',
  key: 'identity-retry:APP-1',
  attempts: 2,
  max_attempts: 5,
  payload: { applicationId: 'APP-1', iin: '080215650019', surname: 'Жумабекова' },
};

describe('graphile-worker logs through pino', () => {
  it('maps the levels and keeps only scalar facts of the job, never its payload', () => {
    const c = capture();
    const logger = graphileLogger(c.log).scope({ label: 'worker', workerId: 'w-1' });
    logger.warn('something to look at', { job, options: { connectionString: 'postgres://u:secret@h/db' } });
    logger.error('bad', { error: Object.assign(new Error('x'), { code: '57P01' }) });
    logger.debug('detail');
    const [warn, error, debug] = c.lines();
    expect(warn).toMatchObject({
      level: 'warn',
      msg: 'something to look at',
      component: 'timers',
      jobId: 42,
      task: 'identity-retry',
      key: 'identity-retry:APP-1',
      attempts: 2,
      maxAttempts: 5,
      workerId: 'w-1',
    });
    expect(error).toMatchObject({ level: 'error', errorCode: '57P01' });
    expect(debug).toMatchObject({ level: 'debug', msg: 'detail' });
    expect(c.text()).not.toMatch(/080215650019|Жумабекова|secret|payload/);
  });

  it('drops the per-attempt "Failed task" line (the worker logs failures itself) and moves successes to debug', () => {
    const c = capture();
    const logger = graphileLogger(c.log);
    logger.error("Failed task 42 (identity-retry) with error 'Жумабекова not found'", {
      failure: true,
      job,
      error: new Error('x'),
    });
    logger.info('Completed task 42 (identity-retry) with success', { job, duration: 3, success: true });
    const lines = c.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'debug', duration: 3 });
  });

  it('masks personal data that graphile-worker puts in a message', () => {
    const c = capture();
    graphileLogger(c.log).info('job for 080215650019 scheduled');
    expect(c.text()).not.toContain('080215650019');
  });

  it('safeMeta ignores what it does not know', () => {
    expect(safeMeta({}, { payload: { iin: '1' }, pool: {}, max: 10 })).toEqual({ max: 10 });
  });
});
