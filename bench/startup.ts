/** Part 6: time from spawning the server to GET /api/health answering, on an existing data directory. */
import type { StartupRow } from './results';
import { startServer } from './server';
import { median } from './stats';

/** Median over `rounds` starts; `earlier` holds starts already timed on the same data (they count as rounds). */
export async function measureStartup(dataDir: string, reports: number, rounds: number, earlier: readonly number[] = []): Promise<StartupRow> {
  const perRound = [...earlier];
  while (perRound.length < rounds) {
    const server = await startServer(dataDir);
    perRound.push(server.startupMs);
    await server.stop();
  }
  return { reports, ms: median(perRound), perRound };
}
