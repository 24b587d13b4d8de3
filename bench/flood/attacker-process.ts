/** Forking the attacker (attacker.ts) and collecting its tally. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../server';
import type { AttackerStats, AttackMode } from './attack-tally';
import type { AttackerMessage, ParentMessage } from './attacker';

export interface RunningAttacker {
  pid: number;
  /** Begin the attack (its CPU is counted from here). */
  start(): void;
  /** End it and get its tally; the process exits. */
  stop(): Promise<AttackerStats>;
  /** End it without a tally (when the phase failed); nothing when it has already exited. */
  kill(): void;
}

/** Fork an attacker against `url` and wait until it is ready. */
export async function forkAttacker(mode: AttackMode, url: string): Promise<RunningAttacker> {
  const child = fork(path.join(REPO_ROOT, 'bench/flood/attacker.ts'), [mode, url], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    // Nothing of its work goes to libuv's pool, but keep that pool to one thread anyway.
    env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (type: AttackerMessage['type']): Promise<AttackerMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: AttackerMessage): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error(`the ${mode} attacker exited before "${type}"`)));
    });
  const send = (message: ParentMessage): void => void child.send(message);
  await next('ready');
  return {
    pid: child.pid ?? 0,
    start: () => send({ type: 'start' }),
    stop: async () => {
      const stats = next('stats');
      send({ type: 'stop' });
      const message = await stats;
      await exited;
      if (message.type !== 'stats') throw new Error('unexpected message');
      return message.stats;
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
