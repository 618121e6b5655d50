/**
 * Where a fault run keeps what it measured: FAULTS_RUN_DIR (set by `npm run test:faults`, which
 * also points TMPDIR there so every service's and process's log is under it), else a directory of
 * its own. Each test file appends its rows (one per fault) to results.jsonl and the personal data
 * it sent to personal-data.jsonl; test/faults/run.ts reads both after the run.
 */
import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;

export function runDir(): string {
  if (!dir) {
    dir = process.env.FAULTS_RUN_DIR || mkdtempSync(join(tmpdir(), 'faults-'));
    mkdirSync(dir, { recursive: true });
  }
  return dir;
}

/** A directory for one test file's process logs, under the run directory. */
export function logDir(family: string): string {
  const d = join(runDir(), 'logs', family);
  mkdirSync(d, { recursive: true });
  return d;
}

/** The figures of one fault, as docs/reliability.md shows them. */
export interface FaultRow {
  family: string;
  fault: string;
  /** Messages the test produced to inbound topics (valid and bad). */
  sent: number;
  /** Monitoring stages the test expects (SLA signals not counted). */
  stagesExpected: number;
  /** Distinct records (partition, offset) of the test's applications' stages, SLA signals not counted. */
  stagesSeen: number;
  duplicates: number;
  lost: number;
  /** Dead letters by code, over every inbound topic's DLQ. */
  parked: Record<string, number>;
  /** Seconds from the end of the fault (the service back) to the first stage published after it. */
  recoverySeconds: number | null;
  /** The longest gap between two stages read, outside the fault itself, while stages were still due. */
  maxStallSeconds: number;
  /** SLA signals seen (allowed: the accelerated clock makes a fault's seconds hours). */
  slaSignals?: number;
  notes?: string;
  /** Bad input: one line per kind sent. */
  kinds?: KindOutcome[];
}

export interface KindOutcome {
  topic: string;
  kind: string;
  /** What became of the bad message: a dead letter's code, its stages, or "no effect". */
  outcome: string;
  /** The valid message right behind it reached its stage (once). */
  nextPassed: boolean;
  /** Seconds from sending the valid message to its stage on the wire. */
  nextSeconds: number;
}

export function recordRow(row: FaultRow): void {
  appendFileSync(join(runDir(), 'results.jsonl'), `${JSON.stringify({ ...row, at: new Date().toISOString() })}\n`);
  const { kinds, ...rest } = row;
  process.stdout.write(`fault figures: ${JSON.stringify(rest)}${kinds ? ` (${kinds.length} kinds)` : ''}\n`);
}

/** Personal data a test sent (IINs, names, phones, e-mails): the run searches every log for each. */
export function recordPersonalData(family: string, values: Iterable<string>): void {
  const list = [...new Set(values)].filter((v) => v.length >= 3);
  appendFileSync(join(runDir(), 'personal-data.jsonl'), `${JSON.stringify({ family, values: list })}\n`);
}

const PD_KEY = /(^|[a-z])(iin|Iin)$|^(surname|name|patronymic|phone|email|fullName|collegeHeadName)$/;

/** The personal data in a message value: every string under a key that names an IIN, a name, a phone or an e-mail. */
export function personalDataOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) personalDataOf(v, out);
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && PD_KEY.test(k) && v.length >= 3 && v.length <= 200 && !v.includes('\u0000'))
        out.add(v);
      else personalDataOf(v, out);
    }
  }
  return out;
}

let contacts = 0;

/**
 * Gives every `applicant` in a message value a phone and an e-mail of its own (the generators
 * give everyone the same phone and no e-mail), so the log search looks for many of each.
 */
export function withContacts<T>(value: T): T {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'applicant' && x && typeof x === 'object') {
          const n = ++contacts;
          Object.assign(x, {
            phone: `+7705${String(n).padStart(7, '0')}`,
            email: `applicant.${n}.${process.pid}@mail.kz`,
          });
        } else visit(x);
      }
    }
  };
  visit(value);
  return value;
}
