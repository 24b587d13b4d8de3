/**
 * Run as a child process: how many libuv threads does this process have?
 * Blocks `argv[3]` threads on opening FIFOs nobody writes to, then asks for
 * one more: the stat answers only if the pool is larger. Prints
 * "size=<UV_THREADPOOL_SIZE> more=<yes|no>" and exits.
 */
import { open, openSync, stat } from 'node:fs';
import path from 'node:path';

const [dir = '', blocked = '0', waitMs = '2000'] = process.argv.slice(2);
for (let n = 0; n < Number(blocked); n += 1) open(path.join(dir, `fifo-${n}`), 'r', () => {});
const report = (more: boolean): never => {
  process.stdout.write(`size=${process.env['UV_THREADPOOL_SIZE'] ?? ''} more=${more ? 'yes' : 'no'}\n`);
  // Let the stuck threads go (opening a FIFO read-write never blocks and
  // gives it a writer): at exit libuv joins every thread of its pool.
  for (let n = 0; n < Number(blocked); n += 1) openSync(path.join(dir, `fifo-${n}`), 'r+');
  process.exit(0);
};
const timer = setTimeout(() => report(false), Number(waitMs));
stat(dir, () => {
  clearTimeout(timer);
  report(true);
});
