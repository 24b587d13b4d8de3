/**
 * What an attacker process did: requests and answers by kind, and for the
 * solving flood the work it put in. Sent to the benchmark when it stops.
 */
import { Agent, request } from 'node:http';
import type { AttackerStats, AttackMode } from '../results';

export type { AttackerStats, AttackMode } from '../results';
export const ATTACK_MODES = ['cheap', 'free', 'solving', 'signin'] as const satisfies readonly AttackMode[];

export interface Answer {
  status: number;
  /** The JSON error code, when the answer had one. */
  code: string | null;
  body: string;
}

/** Counts, a keep-alive client and the stop switch one attack shares. */
export class AttackTally {
  running = true;
  readonly requests: Record<string, number> = {};
  readonly answers: Record<string, number> = {};
  networkErrors = 0;
  reportsAdmitted = 0;
  readonly work = { proofs: 0, evaluations: 0, stampTries: 0, maxEffort: 0, effortSum: 0, maxSuggested: 0, lastSuggested: 0 };
  private readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** Send one request and count it and its answer; null when no answer came. */
  send(kind: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer | null> {
    this.requests[kind] = (this.requests[kind] ?? 0) + 1;
    return new Promise((resolve) => {
      const all: Record<string, string | number> = { accept: 'application/json', ...headers };
      if (body !== undefined) {
        all['content-type'] = 'application/json';
        all['content-length'] = Buffer.byteLength(body);
      }
      const req = request(`${this.baseUrl}${path}`, { method, headers: all, agent: this.agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(this.count(kind, res.statusCode ?? 0, text)));
        res.on('error', () => resolve(this.failed()));
      });
      req.on('error', () => resolve(this.failed()));
      req.end(body);
    });
  }

  /** Stop: nothing new is sent and whatever is outstanding is cut. */
  stop(): void {
    this.running = false;
    this.agent.destroy();
  }

  stats(mode: AttackMode, wallMs: number, cpuMs: number): AttackerStats {
    const { effortSum, ...work } = this.work;
    return {
      mode,
      wallMs,
      cpuMs,
      cpuPercent: (cpuMs / wallMs) * 100,
      requests: this.requests,
      answers: this.answers,
      networkErrors: this.networkErrors,
      reportsAdmitted: this.reportsAdmitted,
      work: { ...work, meanEffort: work.proofs === 0 ? 0 : effortSum / work.proofs },
    };
  }

  private count(kind: string, status: number, body: string): Answer {
    let code: string | null = null;
    if (status >= 400) {
      try {
        code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
    }
    const key = `${kind} ${status}${code === null ? '' : ` ${code}`}`;
    this.answers[key] = (this.answers[key] ?? 0) + 1;
    if (kind === 'report' && status === 201) this.reportsAdmitted += 1;
    return { status, code, body };
  }

  private failed(): null {
    if (this.running) this.networkErrors += 1;
    return null;
  }
}
