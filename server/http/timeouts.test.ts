/**
 * The request deadlines on a real Node HTTP server and real sockets, with
 * the deadlines' clock moved by the test (no sleeping for the bounds
 * themselves). The same module on the whole server, with real time, is in
 * tests/api/slow-uploads.test.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRequestTimeouts, type RequestDeadlines } from './timeouts';

const IDLE_MS = 1_000;
const REQUEST_MS = 5_000;

interface Received {
  bytes: number;
  /** Set when the body broke off before its end. */
  broken: boolean;
}

let server: Server;
let deadlines: RequestDeadlines;
let clock = 0;
/** What the server has read of the request to each path. */
const received = new Map<string, Received>();
/** Paths whose handler does not read its body until released. */
const holding = new Map<string, () => void>();
/** The requests as the server sees them. */
const requests = new Map<string, IncomingMessage>();

/** Upload routes read their body and answer 200 at its end; GET /slow answers once released. */
function handler(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '';
  const seen: Received = { bytes: 0, broken: false };
  received.set(path, seen);
  requests.set(path, req);
  const read = (): void => {
    req.on('data', (chunk: Buffer) => (seen.bytes += chunk.length));
    req.on('end', () => res.end('done'));
    req.on('error', () => (seen.broken = true));
    req.on('aborted', () => (seen.broken = true));
  };
  if (path === '/slow') holding.set(path, () => res.end('done'));
  else if (path.startsWith('/held')) holding.set(path, read);
  else read();
}

async function start(): Promise<string> {
  server = createServer(handler);
  deadlines = applyRequestTimeouts(server, {
    uploadIdleMs: IDLE_MS,
    requestMs: REQUEST_MS,
    isUpload: (req) => req.url?.startsWith('/upload') === true || req.url?.startsWith('/held') === true,
    now: () => clock,
    checkEveryMs: 0,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return String((server.address() as AddressInfo).port);
}

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  received.clear();
  holding.clear();
  requests.clear();
  clock = 0;
});

/** A raw HTTP client: the request head, then the body in pieces as the test sends them. */
interface RawRequest {
  socket: Socket;
  send: (bytes: number) => Promise<void>;
  /** Everything the server answered, once it closes the connection. */
  answer: Promise<string>;
  /** What the server has answered so far. */
  soFar: () => string;
  closed: () => boolean;
}

function open(port: string, method: string, path: string, bodyBytes: number): RawRequest {
  const socket = connect(Number(port), '127.0.0.1');
  let answer = '';
  let isClosed = false;
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => ((isClosed = true), resolve(answer))));
  socket.write(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${bodyBytes}\r\n\r\n`);
  return {
    socket,
    send: (bytes) => new Promise((resolve) => socket.write(Buffer.alloc(bytes, 0x61), () => resolve())),
    answer: closed,
    soFar: () => answer,
    closed: () => isClosed,
  };
}

/** Waits (in real time, briefly) until the server has read `bytes` of the body to `path`. */
async function serverHasRead(path: string, bytes: number): Promise<void> {
  for (let i = 0; i < 500 && (received.get(path)?.bytes ?? 0) < bytes; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(received.get(path)?.bytes).toBe(bytes);
}

/** Lets socket events that are already on their way arrive. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('an upload', () => {
  it('that sends nothing for the idle time is cut: 408 with the API error shape, and the route sees its body break off', async () => {
    const port = await start();
    const upload = open(port, 'POST', '/upload', 10_000);
    await upload.send(1_000);
    await serverHasRead('/upload', 1_000);
    clock += IDLE_MS - 1;
    deadlines.check();
    await settle();
    expect(upload.closed()).toBe(false);
    clock += 1;
    deadlines.check();
    const answer = await upload.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).toMatchObject({ error: { code: 'request_timeout' } });
    await settle();
    expect(received.get('/upload')?.broken).toBe(true);
  });

  it('that keeps sending is not cut, however long it takes in all', async () => {
    const port = await start();
    const upload = open(port, 'POST', '/upload', 21 * 100);
    for (let i = 1; i <= 20; i += 1) {
      await upload.send(100);
      await serverHasRead('/upload', i * 100);
      clock += IDLE_MS - 1; // 20 s in all: four times the total bound of other requests
      deadlines.check();
    }
    await settle();
    expect(upload.closed()).toBe(false);
    await upload.send(100);
    await serverHasRead('/upload', 2_100);
    for (let i = 0; i < 100 && !upload.soFar().includes('done'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(upload.soFar()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*done$/);
    expect(received.get('/upload')?.broken).toBe(false);
  });

  it('is not cut while the server is the one not reading (its buffers full)', async () => {
    const port = await start();
    const upload = open(port, 'POST', '/held', 4 * 1024 * 1024);
    void upload.send(1024 * 1024); // more than the connection holds: the client waits for the server
    const req = (): IncomingMessage | undefined => requests.get('/held');
    for (let i = 0; i < 500 && (req()?.readableLength ?? 0) < (req()?.readableHighWaterMark ?? 1); i += 1) await settle();
    expect(req()?.readableLength).toBeGreaterThanOrEqual(req()?.readableHighWaterMark ?? 1);
    deadlines.check();
    const bytesRead = req()?.socket.bytesRead;
    clock += 10 * IDLE_MS;
    deadlines.check();
    await settle();
    expect(req()?.socket.bytesRead).toBe(bytesRead); // nothing arrived: only the server's being behind saved it
    expect(upload.closed()).toBe(false);
    // The server reads again: from now on the idle time counts.
    holding.get('/held')?.();
    await serverHasRead('/held', 1024 * 1024);
    deadlines.check(); // the server has caught up: the client's idle time starts here
    clock += IDLE_MS;
    deadlines.check();
    expect(await upload.answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('any other request', () => {
  it('must arrive whole within its total bound, even while it keeps sending', async () => {
    const port = await start();
    const post = open(port, 'POST', '/form', 1_000);
    for (let i = 1; i < 10; i += 1) {
      await post.send(10);
      await serverHasRead('/form', i * 10);
      clock += REQUEST_MS / 10;
      deadlines.check();
    }
    await settle();
    expect(post.closed()).toBe(false);
    await post.send(10);
    clock += REQUEST_MS / 10;
    deadlines.check();
    expect(await post.answer).toMatch(/^HTTP\/1\.1 408 /);
    await settle();
    expect(received.get('/form')?.broken).toBe(true);
  });

  it('that has arrived whole is not cut while the server works on it', async () => {
    const port = await start();
    const get = connect(Number(port), '127.0.0.1');
    let answer = '';
    get.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    get.write('GET /slow HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    for (let i = 0; i < 100 && !holding.has('/slow'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    clock += 10 * REQUEST_MS;
    deadlines.check();
    holding.get('/slow')?.();
    await new Promise((resolve) => get.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*done$/);
  });
});

describe('headers', () => {
  it('keep Node\'s own timeout: a client that never finishes its headers is still cut', async () => {
    // Node checks its header deadline on its own timer; a short one here, real time.
    server = createServer({ headersTimeout: 300, connectionsCheckingInterval: 50 }, handler);
    applyRequestTimeouts(server, { uploadIdleMs: IDLE_MS, requestMs: REQUEST_MS, isUpload: () => true, checkEveryMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.write('POST /upload HTTP/1.1\r\nHost: localhost\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(server.requestTimeout).toBe(0);
  });
});
