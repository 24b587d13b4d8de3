/** What bench/run.ts loads for `--flood`. */
export { FLOOD_FULL, FLOOD_QUICK } from './options';
export { runFlood } from './run-flood';
export { formatFloodResults } from './table';
