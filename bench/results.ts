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
  errors: number;
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
  startup: { firstStartMs: number; rows: StartupRow[] };
}
