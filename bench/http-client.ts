/**
 * A small keep-alive HTTP client on node:http for the benchmark's load
 * (no load-testing dependency), and a staff session signed in through the API.
 */
import { Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpClient {
  readonly baseUrl: string;
  /** One request with an optional in-memory body; resolves with the whole response. */
  send(method: string, path: string, options?: { headers?: OutgoingHttpHeaders; body?: string | Buffer }): Promise<HttpResponse>;
  /** The keep-alive agent, for streaming requests made elsewhere. */
  readonly agent: Agent;
  close(): void;
}

/** A client that keeps up to `sockets` connections open to `baseUrl`. */
export function createClient(baseUrl: string, sockets = 16): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return {
    baseUrl,
    agent,
    send: (method, path, options = {}) =>
      new Promise<HttpResponse>((resolve, reject) => {
        const headers: OutgoingHttpHeaders = { ...options.headers };
        if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
        const req = request(`${baseUrl}${path}`, { method, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(options.body);
      }),
    close: () => agent.destroy(),
  };
}

/** POST a JSON document and ask for JSON back. */
export function postJson(client: HttpClient, path: string, value: unknown, headers: OutgoingHttpHeaders = {}): Promise<HttpResponse> {
  return client.send('POST', path, {
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(value),
  });
}

export interface StaffSession {
  /** Headers every staff request carries: the session cookie and same-origin markers. */
  headers: OutgoingHttpHeaders;
}

/** Sign in through POST /api/staff/login and keep the session cookie. */
export async function signIn(client: HttpClient, username: string, password: string): Promise<StaffSession> {
  const sameOrigin = { origin: client.baseUrl, 'sec-fetch-site': 'same-origin' };
  const res = await postJson(client, '/api/staff/login', { username, password }, sameOrigin);
  if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${res.body.toString()}`);
  const cookie = (res.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).find((pair) => pair?.includes('tipline_staff='));
  if (!cookie) throw new Error('staff login set no session cookie');
  return { headers: { ...sameOrigin, cookie, accept: 'application/json' } };
}
