/**
 * The attacker process of `npm run bench -- --flood` (forked by
 * attacker-process.ts, so that its CPU is its own): `attacker.ts <mode>
 * <server url>`. One process, one JavaScript thread, native Argon2id on
 * that thread: at most one core's worth of work. It says "ready", attacks
 * from "start" to "stop", then sends its tally and exits.
 */
import { ATTACK_MODES, AttackTally, type AttackMode } from './attack-tally';
import { runAttack, socketsFor } from './attacks';

export type ParentMessage = { type: 'start' } | { type: 'stop' };
export type AttackerMessage = { type: 'ready' } | { type: 'stats'; stats: ReturnType<AttackTally['stats']> };

const [mode, url] = process.argv.slice(2);
if (!ATTACK_MODES.some((known) => known === mode) || url === undefined || process.send === undefined) {
  process.stderr.write('usage: attacker.ts cheap|free|solving|signin <server url> (forked with an IPC channel)\n');
  process.exit(2);
}
const attack = mode as AttackMode;
const tally = new AttackTally(url, socketsFor(attack));
const tell = (message: AttackerMessage): void => void process.send?.(message);
let startedMs = 0;
let cpuAtStart = process.cpuUsage();

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') {
    startedMs = performance.now();
    cpuAtStart = process.cpuUsage();
    void runAttack(attack, tally);
  } else if (message.type === 'stop') {
    const cpu = process.cpuUsage(cpuAtStart);
    const wallMs = performance.now() - startedMs;
    tally.stop();
    tell({ type: 'stats', stats: tally.stats(attack, wallMs, (cpu.user + cpu.system) / 1000) });
    process.disconnect();
    setTimeout(() => process.exit(0), 200).unref();
  }
});
tell({ type: 'ready' });
