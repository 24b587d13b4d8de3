/** Sizes and round counts for a full run and for `--quick`. */

export interface BenchOptions {
  quick: boolean;
  /** Rounds per figure; each figure is the median over them. */
  rounds: number;
  /** Concurrent clients for submissions and code checks. */
  concurrencies: readonly number[];
  /** How long one throughput window runs (each of HTTP and bare Argon2id). */
  windowMs: number;
  /** Report counts the queue is measured at, in increasing order. */
  queueSizes: readonly number[];
  /** Claims and first-page lists per round at each size. */
  queueRequests: number;
  /** The start-up figure for a database this big (must be one of queueSizes). */
  startupReports: number;
  startupRounds: number;
  /** The evidence file's size, in MiB. */
  fileMiB: number;
  /** Bytes node:crypto ChaCha20-Poly1305 encrypts per round. */
  chachaBytes: number;
}

const MiB = 1024 * 1024;

export const FULL: BenchOptions = {
  quick: false,
  rounds: 3,
  concurrencies: [1, 2, 8],
  windowMs: 4_000,
  queueSizes: [10_000, 100_000, 1_000_000],
  queueRequests: 300,
  startupReports: 100_000,
  startupRounds: 5,
  fileMiB: 100,
  chachaBytes: 512 * MiB,
};

export const QUICK: BenchOptions = {
  quick: true,
  rounds: 1,
  concurrencies: [1, 2, 8],
  windowMs: 400,
  queueSizes: [200, 1_000],
  queueRequests: 20,
  startupReports: 1_000,
  startupRounds: 1,
  fileMiB: 4,
  chachaBytes: 16 * MiB,
};

/** Options from the command line: `--quick`, `--flood`, `--search`, `--out <file>`. */
export function parseArgs(argv: readonly string[]): { options: BenchOptions; out: string; flood: boolean; search: boolean } {
  let options = FULL;
  let out: string | null = null;
  let flood = false;
  let search = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') options = QUICK;
    else if (arg === '--flood') flood = true;
    else if (arg === '--search') search = true;
    else if (arg === '--out' && argv[i + 1] !== undefined) out = argv[(i += 1)] ?? out;
    else throw new Error(`unknown argument ${arg ?? ''} (use --quick, --flood, --search, --out <file>)`);
  }
  if (flood && search) throw new Error('--flood and --search are separate runs: choose one');
  // The flood's and the search's results are other documents: they do not overwrite the main run's.
  const defaultOut = flood ? 'bench-flood-results.json' : search ? 'bench-search-results.json' : 'bench-results.json';
  return { options, out: out ?? defaultOut, flood, search };
}
