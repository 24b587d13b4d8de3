/**
 * Payload encryption speed: age-encryption's stream encryption against
 * encryptStream (node:crypto payload), both to one X25519 recipient.
 * Run with `npx tsx bench/age-stream.bench.ts [MiB] [rounds]` (256 MiB, 2 rounds
 * by default). The sink discards, so this is encryption and stream overhead only.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Encrypter } from 'age-encryption';
import { generateKeyPair } from '../server/crypto/age';
import { encryptStream } from '../server/crypto/age-stream';
import { toWebStream } from '../server/files/web-streams';

const MiB = 1024 * 1024;
const PIECE = 64 * 1024; // what an upload's multipart parser hands on, roughly
const total = Number(process.argv[2] ?? 256) * MiB;
const rounds = Number(process.argv[3] ?? 2);
const piece = Buffer.alloc(PIECE, 0x5a);

function plaintext(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      const n = Math.min(PIECE, total - sent);
      sent += n;
      this.push(n === 0 ? null : Buffer.from(piece.subarray(0, n)));
    },
  });
}

function counter(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { sink, bytes: () => bytes };
}

async function timed(name: string, run: (sink: Writable) => Promise<void>): Promise<void> {
  const { sink, bytes } = counter();
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await run(sink);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time (all of this process's threads) is steadier than wall time on a shared machine.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mib = total / MiB;
  console.log(
    `${name.padEnd(36)} ${mib.toFixed(0)} MiB: ${(mib / seconds).toFixed(1)} MiB/s wall (${seconds.toFixed(2)} s), ` +
      `${(mib / cpuSeconds).toFixed(1)} MiB/s of CPU time (${cpuSeconds.toFixed(2)} s); ${bytes()} bytes out`,
  );
}

const { recipient } = await generateKeyPair();

for (let round = 1; round <= rounds; round++) {
  await timed('age-encryption Encrypter.encrypt', async (sink) => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const encrypted = await encrypter.encrypt(toWebStream(plaintext()));
    await pipeline(Readable.fromWeb(encrypted as import('node:stream/web').ReadableStream<Uint8Array>), sink);
  });
  await timed('encryptStream (node:crypto payload)', (sink) => pipeline(encryptStream([recipient], plaintext()), sink));
}
