import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envOverrides } from '../../../src/platform/config/schema.js';
import { ALL_TOPICS, INBOUND_TOPICS, dlqTopic } from '../../../src/contract/topics.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../../../.ci/run', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the README stays true', () => {
  it('documents every environment variable the configuration reads', () => {
    for (const { env } of envOverrides) expect(readme, env).toContain(`\`${env}\``);
  });

  it('lists every topic of the contract', () => {
    for (const t of ALL_TOPICS) expect(readme, t).toContain(`\`${t}\``);
    expect(INBOUND_TOPICS.map((t) => dlqTopic(t)).length).toBeGreaterThan(0);
    expect(readme).toContain('`<inbound topic>.dlq`');
  });

  it('shows the two commands, and CI runs the same test command', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toContain('vitest run');
    expect(ci).toMatch(/^npm test$/m);
  });

  it('says why each dependency is there', () => {
    for (const name of [
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.devDependencies).filter((d) => !d.startsWith('@types/')),
    ]) {
      expect(readme, name).toContain(name);
    }
  });
});
