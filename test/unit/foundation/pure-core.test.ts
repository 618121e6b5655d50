import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The regulation core (calendar, deadlines, IIN/BIN, intake validation, the application state
 * machine) is pure: it imports no I/O library and never reads the clock. This test walks every
 * import of every core file and fails on anything else.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CORE = ['src/core'];

const EDGE_FILES = new Set<string>();
const ALLOWED_PACKAGES = new Set(['luxon', 'zod']);

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const rel = `${dir}/${f}`;
    return statSync(join(ROOT, rel)).isDirectory() ? files(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

const coreFiles = CORE.flatMap(files).filter((f) => !EDGE_FILES.has(f));
const importsOf = (file: string) =>
  [
    ...readFileSync(join(ROOT, file), 'utf8').matchAll(
      /(?:import|export)[^'"]*?from\s+'([^']+)'|import\s*\(\s*'([^']+)'\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]!);

describe('the regulation core is pure', () => {
  it('has files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(30);
  });

  it.each(coreFiles.map((f) => [f]))('%s imports only the core, luxon and zod', (file) => {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts');
        const inCore = CORE.some((c) => target.startsWith(`${c}/`)) || target.startsWith('config/calendar/');
        expect(inCore && !EDGE_FILES.has(target), `${file} imports ${spec} (${target}) from outside the core`).toBe(
          true,
        );
      } else {
        expect(ALLOWED_PACKAGES.has(spec), `${file} imports the package ${spec}`).toBe(true);
      }
    }
  });

  it.each(coreFiles.map((f) => [f]))('%s never reads the clock', (file) => {
    const src = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(src).not.toMatch(/Date\.now\(|new Date\(\s*\)|DateTime\.now\(|DateTime\.local\(\s*\)|performance\.now\(/);
  });
});
