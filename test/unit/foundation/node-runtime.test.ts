import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The machine's Node may be end-of-life; the project brings its own (the `node` package pinned in
 * devDependencies), and npm puts node_modules/.bin first on the PATH of every script. These tests
 * fail when the tests themselves, or the processes they start, run on another Node.
 */
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const pinned = pkg.devDependencies.node!;

describe('the Node the project runs on', () => {
  it('is pinned exactly, its install script approved, and engines allows it', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.allowScripts.node).toBe(true);
    const [major, minor] = pinned.split('.').map(Number);
    expect(pkg.engines.node).toBe(`>=${major}.${minor}`);
  });

  it('runs these tests', () => {
    expect(process.versions.node).toBe(pinned);
  });

  it('runs the child processes the tests start with process.execPath', () => {
    const out = execFileSync(process.execPath, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pinned);
  });
});
