/** The shape of bench-results.json: every figure is a median over rounds. */

export interface ThroughputRow {
  concurrency: number;
  /** Successful requests per second through HTTP. */
  httpPerSecond: number;
  /** Bare Argon2id derivations per second, same parameters and concurrency, same run. */
  argon2PerSecond: number;
  /** httpPerSecond / argon2PerSecond: 1 means no overhead at all. */
  ratio: number;
  /** argon2PerSecond / httpPerSecond - 1, as a percentage: the time per request that is not Argon2id. */
  overheadPercent: number;
  /** Answers other than the expected one (summed over rounds). */
  errors: number;
  requests: number;
  perRound: { http: number[]; argon2: number[] };
}

export interface CodeCheckRow extends ThroughputRow {
  kind: 'hit' | 'miss';
}

export interface LatencyFigure {
  p50Ms: number;
  p99Ms: number;
}

export interface QueueRow {
  reports: number;
  claim: LatencyFigure;
  firstPage: LatencyFigure;
  /** The same through the data layer alone, in the bench process (no HTTP, audit or decryption). */
  dataLayer: { claim: LatencyFigure; firstPage: LatencyFigure };
  errors: number;
  samplesPerRound: number;
}

export interface SeedingRow {
  /** Reports in the database afterwards. */
  reports: number;
  added: number;
  seconds: number;
  reportsPerSecond: number;
  databaseBytes: number;
}

export interface AttachmentResult {
  fileBytes: number;
  /** MB = 10^6 bytes. */
  uploadMBps: number;
  downloadMBps: number;
  chachaMBps: number;
  uploadRatio: number;
  downloadRatio: number;
  /** Peak resident memory (VmHWM) above the resident size just before, in bytes; the worst round. */
  uploadPeakGrowthBytes: number;
  downloadPeakGrowthBytes: number;
  /** Whether VmHWM could be reset between phases (else growth is measured against the run's earlier peak). */
  peakReset: boolean;
  /** GET /api/health every 20 ms while the file arrives: p99 of its answers, over all rounds (budget ≤ 50 ms). */
  healthDuringUploadP99Ms: number;
  healthDuringUploadProbes: number;
  errors: number;
}

/** Part 8: the same measures on a server whose channels (and so reporters) have hybrid ML-KEM-768 + X25519 keys. */
export interface PostQuantumResult {
  /** Submissions at concurrency 1. */
  submission: ThroughputRow;
  /** Code checks of real codes at concurrency 1. */
  codeCheck: CodeCheckRow;
  /** Claims, one at a time, on the reports the submissions made (claimReports of them). */
  claim: LatencyFigure;
  claimReports: number;
  claimErrors: number;
  attachments: AttachmentResult;
}

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeightRow {
  path: string;
  html: Weight;
  css: Weight;
  /** Scripts the page loads: its own and everything they import statically. */
  js: Weight;
  /** Modules reachable only through dynamic import(): loaded only if that code runs. */
  lazyJs: Weight;
  /** Every file counted in html, css and js, relative to dist/. */
  files: string[];
  lazyFiles: string[];
}

/** Part 7: what Chromium transferred for a page (encoded bytes, headers included). */
export interface TransferRow {
  path: string;
  javaScript: boolean;
  firstBytes: number;
  firstRequests: number;
  /** The same page again in the same profile: revalidations and whatever the cache could not keep. */
  repeatBytes: number;
  repeatRequests: number;
}

export interface StartupRow {
  reports: number;
  ms: number;
  perRound: number[];
}

export interface BenchResults {
  meta: {
    mode: 'full' | 'quick';
    startedAt: string;
    seconds: number;
    machine: { cpu: string; cores: number; memoryBytes: number; node: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
    argon2: { m: number; t: number; p: number };
    rounds: number;
  };
  submissions: ThroughputRow[];
  codeChecks: CodeCheckRow[];
  /** ageDecryptMs: one small age decryption in the bench process, which every claim includes. */
  queue: { seeding: SeedingRow[]; latency: QueueRow[]; ageDecryptMs: number };
  attachments: AttachmentResult;
  pageWeight: PageWeightRow[];
  transfer: TransferRow[];
  startup: { firstStartMs: number; rows: StartupRow[] };
  postQuantum: PostQuantumResult;
}

/* ---- `--flood`: honest reporters under attack (issue 10 item 9) and the puzzle (item 3) ---- */

/** The floods: (a) cheap, (a2) free, (b) solving, (c) sign-in; the calm phase has none. */
export type AttackMode = 'cheap' | 'free' | 'solving' | 'signin';
export type FloodPhase = 'calm' | 'a' | 'a2' | 'b' | 'c';

/** What an attacker process did, from its own tally. */
export interface AttackerStats {
  mode: AttackMode;
  /** From the start signal to the stop signal. */
  wallMs: number;
  /** User + system CPU of the whole process (all its threads) over wallMs. */
  cpuMs: number;
  /** cpuMs / wallMs: 100 is one core busy all the time. */
  cpuPercent: number;
  /** Requests sent, by kind (challenge, report, status, signin). */
  requests: Record<string, number>;
  /** Answers by kind, status and error code, e.g. "report 503 busy". */
  answers: Record<string, number>;
  /** Requests that got no answer (connection errors). */
  networkErrors: number;
  /** Reports the server stored for the attacker (201). */
  reportsAdmitted: number;
  /** Solving flood only: proofs made, Argon2id evaluations, SHA-256 stamp candidates, efforts bid. */
  work: { proofs: number; evaluations: number; stampTries: number; maxEffort: number; meanEffort: number; maxSuggested: number; lastSuggested: number };
}

export interface HonestAttempt {
  kind: 'js' | 'nojs';
  /** When it began, in ms from the start of its phase's attack. */
  startedMs: number;
  ok: boolean;
  /** From opening the page (JS) or the first post (no JS) to the receipt, or to giving up. */
  ms: number;
  /** receipt; failure (the page said it could not send); gave_up (deadline reached); error (the browser or network failed). */
  outcome: 'receipt' | 'failure' | 'gave_up' | 'error';
  /** POSTs to /api/reports it made. */
  posts: number;
  /** Answers to those posts, e.g. "201", "503 busy", "503 service_unavailable". */
  answers: Record<string, number>;
  /** The highest proof-of-work effort it sent (0: none). */
  maxEffort: number;
  /** JavaScript only: from opening the page to the form being ready (hydrated); NaN when it never was. */
  loadMs: number;
  /** What went wrong last, when something did (a browser or network error). */
  detail?: string;
}

export interface StoredCounts {
  /** Reports filed by the honest reporters (their regions). */
  honestJs: number;
  honestNoJs: number;
  /** Every other report: junk the attacker got in. */
  junk: number;
  /** Rows in the audit trail. */
  auditRows: number;
}

/** One kind of honest reporter in one phase. */
export interface HonestSummary {
  attempts: number;
  /** Attempts that got a receipt at all. */
  succeeded: number;
  /** Attempts that got one within the goal's time (60 s with JavaScript, 5 minutes without). */
  withinGoal: number;
  goalMs: number;
  /** withinGoal / attempts, in percent. */
  ratePercent: number;
  /** Time to the receipt of those that got one (NaN when none did). */
  medianMs: number;
  maxMs: number;
  /** POSTs to /api/reports and their answers, over all attempts. */
  posts: number;
  answers: Record<string, number>;
  outcomes: Record<string, number>;
  /** The highest proof-of-work effort sent (JavaScript only). */
  maxEffort: number;
  /** JavaScript only: median time from opening the page to the form being ready. */
  medianLoadMs: number;
}

export interface FloodPhaseRow {
  phase: FloodPhase;
  attack: AttackMode | null;
  /** From the attack's start to its stop (warm-up, honest window and their stragglers). */
  attackMs: number;
  /** The attack ran alone this long before the first honest attempt. */
  warmupMs: number;
  js: HonestSummary;
  nojs: HonestSummary;
  /** 503 answers honest reporters got to their report posts (the goal in phase c: none). */
  reporter503s: number;
  attacker: AttackerStats | null;
  /** Reports stored that no honest reporter sent. */
  junk: number;
  stored: StoredCounts;
  server: {
    /** CPU of the server process over the attack, percent of one core. */
    cpuPercent: number;
    /** Peak resident memory during the phase (VmHWM, reset after start-up). */
    peakRssBytes: number;
    /** Lines the server logged at level error. */
    errorLines: number;
    /** Null when it ran to the end; how it died and its last words otherwise. */
    exit: { code: number | null; signal: string | null; lastOutput: string } | null;
  };
  /** Share of both cores busy over the attack (everything on the machine), and the load average after. */
  machineBusyPercent: number;
  loadAverage: number[];
  attempts: HonestAttempt[];
}

export interface PuzzleRow {
  effort: number;
  /** Challenges solved (the same ones in Chromium and natively). */
  solves: number;
  /** Argon2id evaluations per solve, on average (identical on both sides). */
  meanEvaluations: number;
  /** Mean time per solve, Argon2id and stamp: the island's solver in Chromium, and the native solver. */
  chromiumMs: number;
  chromiumMedianMs: number;
  nativeMs: number;
  /** chromiumMs / nativeMs. */
  ratio: number;
}

export interface PuzzleResults {
  puzzle: { memoryKib: number; passes: number; stampBits: number };
  /** One Argon2id evaluation. */
  evaluation: { chromiumMs: number; nativeMs: number; ratio: number };
  /** One SHA-256 stamp (about 2^stampBits hashes): the island (hash-wasm), the native solver (midstate JavaScript) and plain node:crypto. */
  stamp: { chromiumMs: number; nativeMs: number; nodeCryptoMs: number; ratio: number };
  rows: PuzzleRow[];
  /** The puzzle before issue 10: SHA-256 with `difficulty` zero bits, per hash. */
  oldPuzzle: {
    difficulty: number;
    hashes: number;
    chromiumWebCryptoUs: number;
    nodeCryptoUs: number;
    nativeUs: number;
    /** Native C (`openssl speed -evp sha256` at the puzzle's input length); NaN without openssl. */
    opensslUs: number;
    /** chromiumWebCryptoUs / nativeUs. */
    ratio: number;
    ratioToNodeCrypto: number;
    ratioToOpenssl: number;
  };
}

export interface FloodResults {
  meta: {
    mode: 'flood' | 'flood-quick';
    startedAt: string;
    seconds: number;
    machine: BenchResults['meta']['machine'];
    /** The server's configuration: the defaults (only HOST, PORT and DATA_DIR set). */
    serverEnv: string[];
    /** What each phase's honest reporters did and how long they were given. */
    honest: { jsEveryMs: number; noJsEveryMs: number; windowMs: number; jsCapMs: number; noJsDeadlineMs: number };
  };
  puzzle: PuzzleResults;
  phases: FloodPhaseRow[];
}
