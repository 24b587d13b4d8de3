/**
 * The background indexer: while a session holding channel X is alive, it
 * indexes X's unindexed reports (new ones, changed ones, moved ones) with
 * that session's channel identity, one report at a time, giving the event
 * loop back between reports (setImmediate): each costs an age decryption or
 * a few (milliseconds of JavaScript), so requests never wait behind a batch.
 * It holds no key of its own: it asks the session store at every batch, so
 * when the last session holding a channel ends, its indexing stops.
 */
import type { SessionStore } from '../auth/session-store';
import type { Db } from '../data/database';
import { findUnindexedReports } from '../data/search-tokens';
import { indexReport } from './search-index';

/** Reports read from the database per query; each is still indexed on its own turn of the event loop. */
const BATCH = 50;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SearchIndexer {
  private running: Promise<void> | null = null;
  private again = false;

  /**
   * `background: false` makes `kick` do nothing, so only explicit `run`
   * calls index: tests use it to know exactly when the index changes.
   */
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
    private readonly options: { background: boolean } = { background: true },
  ) {}

  /** Start a run in the background (after sign-in, a search that met unindexed reports, a timer). */
  kick(): void {
    if (this.options.background) void this.run();
  }

  /**
   * Index what the live sessions can open; resolves when nothing is left.
   * Calls while a run is going join it and make it look once more at the end.
   */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      for (const channelId of this.sessions.heldChannelIdentities(this.now().getTime()).keys()) await this.indexChannel(channelId);
    } while (this.again);
  }

  /** Every unindexed report of the channel, each at most once per run (a report that fails stays unindexed, counted). */
  private async indexChannel(channelId: number): Promise<void> {
    let after = 0;
    for (;;) {
      const ids = findUnindexedReports(this.db, channelId, after, BATCH);
      if (ids.length === 0) return;
      for (const id of ids) {
        after = id;
        const identity = this.sessions.heldChannelIdentities(this.now().getTime()).get(channelId);
        if (identity === undefined) return; // the last session holding it ended
        try {
          await indexReport(this.db, id, channelId, identity);
        } catch {
          // An unreadable ciphertext or a database hiccup: the report stays unindexed and the search says so.
        }
        await nextTurn();
      }
    }
  }
}
