/**
 * `gateway-stub-population [--limit N] [--from I] [--index I[,J...]] [--eligible-on YYYY-MM-DD]
 * [--format table|jsonl]`: the persons the gateway stub knows (its seed and size from
 * GATEWAY_STUB_POPULATION_SEED / GATEWAY_STUB_POPULATION_SIZE), so an integrator can pick an IIN the
 * stub answers FOUND. With --eligible-on only persons alive, of age and with an ID card or passport
 * valid on that date are listed. Generated persons only: the output is test data.
 */
import { isIsoDate } from '../core/calendar/index.js';
import {
  DEFAULT_LIMIT,
  formatJsonLines,
  formatTable,
  listPopulation,
  type ListingOptions,
} from '../local/gateway-stub/population-listing.js';
import type { AppConfig } from '../platform/config/schema.js';
import { AppError } from '../platform/errors/app-error.js';

export const POPULATION_USAGE =
  'gateway-stub-population [--limit N] [--from I] [--index I[,J...]] [--eligible-on YYYY-MM-DD] [--format table|jsonl]';

export interface PopulationArgs extends Omit<ListingOptions, 'seed' | 'size'> {
  readonly format: 'table' | 'jsonl';
}

function usage(message: string): AppError {
  return new AppError('USAGE', `${message}\nusage: npm run cli -- ${POPULATION_USAGE}`);
}

function whole(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw usage(`${flag} needs a whole number, got ${raw ?? 'nothing'}`);
  return Number(raw);
}

export function parsePopulationArgs(args: readonly string[]): PopulationArgs {
  const out: { -readonly [K in keyof PopulationArgs]?: PopulationArgs[K] } = { format: 'table' };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i]!;
    const value = args[i + 1];
    i += 1;
    if (flag === '--limit') out.limit = whole(flag, value);
    else if (flag === '--from') out.from = whole(flag, value);
    else if (flag === '--index')
      out.indices = [...(out.indices ?? []), ...(value ?? '').split(',').map((v) => whole(flag, v))];
    else if (flag === '--eligible-on') {
      if (value === undefined || !isIsoDate(value)) throw usage(`--eligible-on needs a date YYYY-MM-DD, got ${value}`);
      out.eligibleOn = value;
    } else if (flag === '--format') {
      if (value !== 'table' && value !== 'jsonl') throw usage(`--format is table or jsonl, got ${value}`);
      out.format = value;
    } else if (flag === '--json') {
      out.format = 'jsonl';
      i -= 1;
    } else throw usage(`unknown argument ${flag}`);
  }
  return out as PopulationArgs;
}

/** Writes the listing to `write` (stdout by default). */
export async function runGatewayStubPopulation(
  config: AppConfig,
  args: readonly string[],
  write: (text: string) => void = (t) => process.stdout.write(t),
): Promise<void> {
  const { format, ...opts } = parsePopulationArgs(args);
  const { populationSeed: seed, populationSize: size } = config.gatewayStub;
  const rows = listPopulation({ seed, size, limit: DEFAULT_LIMIT, ...opts });
  write(format === 'jsonl' ? formatJsonLines(rows) : formatTable(rows));
}
