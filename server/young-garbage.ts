/**
 * Young-generation collections at a pace we choose, for the threads that
 * stream evidence files. Every socket read and every sealed chunk is a
 * fresh 64 KiB Buffer outside V8's heap, and V8 collects those only once
 * tens of MiB of them have piled up (its external-memory trigger), per
 * thread; the allocator then keeps that much resident for good. With the
 * event loop and a sealing worker each piling up their own, a 200 MiB upload
 * grew the server by 50-70 MiB. A scavenge every few MiB streamed costs a
 * fraction of a millisecond (nearly everything young is dead) and keeps the
 * pile small.
 *
 * V8 exposes `gc` only behind --expose-gc. Set at run time, the flag reaches
 * the contexts made afterwards, such as the one made here; no other
 * behaviour changes. Without it this does nothing, and only memory suffers.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collectYoung: (() => void) | null = null;

/** V8's `gc`, made on first use rather than at import. */
function collector(): () => void {
  if (collectYoung !== null) return collectYoung;
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  collectYoung = typeof gc === 'function' ? () => void gc({ type: 'minor' }) : () => undefined;
  return collectYoung;
}

/** Bytes streamed between two collections. */
const BYTES_PER_COLLECTION = 8 * 1024 * 1024;
let sinceCollection = 0;

/** Counts `bytes` more streamed through this thread, collecting young garbage every BYTES_PER_COLLECTION. */
export function streamedBytes(bytes: number): void {
  sinceCollection += bytes;
  if (sinceCollection < BYTES_PER_COLLECTION) return;
  sinceCollection = 0;
  collector()();
}
