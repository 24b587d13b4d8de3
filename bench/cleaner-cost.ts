/**
 * What crafted images cost the server per MiB, next to a plain photo:
 * `npx tsx bench/cleaner-cost.ts` prints a table; `--json` prints the
 * figures for server/files/metadata-cleaner.cost.test.ts.
 *
 * For each crafted file (tests/support/crafted-images.ts) and the plain
 * picture of its format, in turn, several times: CPU time of this process
 * per MiB to receive it as an evidence file (receiveFile: count, clean,
 * hash, encrypt, write, as an upload does) and to clean it alone (the
 * MetadataCleaner stream). The least of the runs counts. It runs as its own
 * process under tsx, as `npm start` does: vitest's module transform turns
 * every imported name into a property getter, which would measure a slower
 * program than the one that serves uploads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateKeyPair } from '../server/crypto/age';
import { FileStore } from '../server/files/file-store';
import { MetadataCleaner } from '../server/files/metadata-cleaner';
import { receiveFile, UploadBudget } from '../server/files/receive-file';
import { craftedJpeg, craftedPng, JPEG_JUNK, pieces, plainPhoto, plainPng, PNG_JUNK } from '../tests/support/crafted-images';

const MiB = 1024 * 1024;
const RUNS = 7;

/** Milliseconds of CPU per MiB, the least over the runs. */
export interface Cost {
  receive: number;
  clean: number;
}

export interface CleanerCost {
  name: string;
  format: 'jpeg' | 'png';
  mib: number;
  crafted: Cost;
  /** The plain picture of the same format, measured in turn with it. */
  plain: Cost;
  /**
   * Crafted over plain, the least over the runs of each run's pair (the two
   * measured one right after the other, so under the same load): steadier on
   * a busy machine than the ratio of the two least costs.
   */
  ratio: Cost;
}

async function cpuPerMiB(bytes: Buffer, work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / (bytes.length / MiB);
}

function measurer(store: FileStore, recipient: string): (bytes: Buffer) => Promise<Cost> {
  const budget = (): UploadBudget => new UploadBudget({ maxFiles: 1, maxFileBytes: 64 * MiB, maxSubmissionBytes: 64 * MiB });
  return async (bytes) => {
    let storageName = '';
    const receive = await cpuPerMiB(bytes, async () => {
      const received = await receiveFile(store, Readable.from(pieces(bytes)), { name: 'evidence', recipients: [recipient], keepMetadata: false, budget: budget() });
      storageName = received.storageName;
    });
    await store.discard([storageName]);
    const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
    const clean = await cpuPerMiB(bytes, () => pipeline(Readable.from(pieces(bytes)), new MetadataCleaner({ keepMetadata: false }), sink()));
    return { receive, clean };
  };
}

/** Every crafted file against the plain picture of its format. */
async function measureCleanerCosts(): Promise<CleanerCost[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-cleaner-cost-'));
  try {
    const measure = measurer(new FileStore(dataDir), (await generateKeyPair()).recipient);
    const plain = { jpeg: plainPhoto(), png: plainPng() };
    const cases = [
      ...Object.keys(JPEG_JUNK).map((name) => ({ name, format: 'jpeg' as const, build: () => craftedJpeg(name) })),
      ...Object.keys(PNG_JUNK).map((name) => ({ name, format: 'png' as const, build: () => craftedPng(name) })),
    ];
    const results: CleanerCost[] = [];
    for (const { name, format, build } of cases) {
      const { input } = await build();
      const least = { crafted: { receive: Infinity, clean: Infinity }, plain: { receive: Infinity, clean: Infinity }, ratio: { receive: Infinity, clean: Infinity } };
      const lower = (a: Cost, b: Cost): Cost => ({ receive: Math.min(a.receive, b.receive), clean: Math.min(a.clean, b.clean) });
      for (let run = 0; run < RUNS; run += 1) {
        const plainCost = await measure(plain[format]);
        const craftedCost = await measure(input);
        least.plain = lower(least.plain, plainCost);
        least.crafted = lower(least.crafted, craftedCost);
        least.ratio = lower(least.ratio, { receive: craftedCost.receive / plainCost.receive, clean: craftedCost.clean / plainCost.clean });
      }
      results.push({ name, format, mib: input.length / MiB, ...least });
    }
    return results;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(results: readonly CleanerCost[]): string {
  const ms = (n: number): string => n.toFixed(2);
  const times = (n: number): string => `${n.toFixed(1)}×`;
  const rows = results.map((r) =>
    [r.format, r.name, r.mib.toFixed(1), ms(r.crafted.receive), times(r.ratio.receive), ms(r.crafted.clean), times(r.ratio.clean)].join(' | '),
  );
  const plainOf = (format: string): CleanerCost | undefined => results.find((r) => r.format === format);
  const plainRows = ['jpeg', 'png'].map((format) => {
    const r = plainOf(format);
    return r ? [format, 'plain picture', '', ms(r.plain.receive), '1×', ms(r.plain.clean), '1×'].join(' | ') : '';
  });
  return ['format | file | MiB | receive ms/MiB | × plain | clean alone ms/MiB | × plain', '---|---|---|---|---|---|---', ...plainRows, ...rows]
    .map((line) => `| ${line} |`)
    .join('\n');
}

const results = await measureCleanerCosts();
process.stdout.write(process.argv.includes('--json') ? JSON.stringify(results) + '\n' : table(results) + '\n');
