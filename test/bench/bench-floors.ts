/** The raw floors alone (see floors.ts): npm run bench:floors -- [--messages N]. */
import { millisToInstant } from '../../src/contract/logical-types.js';
import { measureFloors } from './floors.js';
import { machine, option, print, startBench } from './support.js';

const bench = await startBench('floors');
const floors = await measureFloors(
  bench.messaging,
  bench.scratch,
  option('messages', 20_000),
  millisToInstant(bench.now().getTime()),
);
print({ machine: machine(bench.now()), floors });
await bench.stop();
process.exit(0);
