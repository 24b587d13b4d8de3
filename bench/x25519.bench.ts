/**
 * X25519 stanza cost: age-encryption's own X25519 (Web Crypto plus pure-JS
 * HKDF and ChaCha20) against x25519-native.ts (node:crypto), per recipient
 * wrapped and per identity unwrapping, as Tipline calls them (keys given as
 * strings each time). Run with `npx tsx bench/x25519.bench.ts [rounds]`.
 * Prints medians; asserts nothing.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { decrypterFor, encrypterFor, generateKeyPair } from '../server/crypto/age';

const rounds = Number(process.argv[2] ?? 400);
const WARM_UP = 50;
const plaintext = JSON.stringify({ version: 1, details: 'x'.repeat(120) });

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + rounds; i++) {
    const start = process.hrtime.bigint();
    await run();
    if (i >= WARM_UP) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

function libraryEncrypter(recipients: readonly string[]): Encrypter {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter;
}

function libraryDecrypter(identities: readonly string[]): Decrypter {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  return decrypter;
}

const pairs = await Promise.all(Array.from({ length: 4 }, () => generateKeyPair()));
const recipients = pairs.map((pair) => pair.recipient);
const one = recipients.slice(0, 1);
const [first] = pairs;
if (first === undefined) throw new Error('no key pair');
const ways = [
  { name: 'age-encryption', encrypter: libraryEncrypter, decrypter: libraryDecrypter },
  { name: 'x25519-native', encrypter: encrypterFor, decrypter: decrypterFor },
];

console.log(`Node ${process.version}, ${rounds} rounds, medians in ms`);
for (const way of ways) {
  const encryptOne = await medianMs(() => way.encrypter(one).encrypt(plaintext));
  const encryptFour = await medianMs(() => way.encrypter(recipients).encrypt(plaintext));
  const encryptTwo = await medianMs(() => way.encrypter(recipients.slice(0, 2)).encrypt(plaintext));
  // The identity's stanza last of four: three stanzas tried and refused, then its own.
  const file = await way.encrypter([...recipients.slice(1), first.recipient]).encrypt(plaintext);
  const decrypt = await medianMs(() => way.decrypter([first.identity]).decrypt(file));
  const fileOne = await way.encrypter(one).encrypt(plaintext);
  const decryptOne = await medianMs(() => way.decrypter([first.identity]).decrypt(fileOne));
  console.log(
    `${way.name.padEnd(15)} wrap per recipient ${((encryptFour - encryptOne) / 3).toFixed(3)}` +
      ` | unwrap per stanza tried ${((decrypt - decryptOne) / 3).toFixed(3)}` +
      ` | encrypt to 1 ${encryptOne.toFixed(3)}, to 2 ${encryptTwo.toFixed(3)}, to 4 ${encryptFour.toFixed(3)}` +
      ` | decrypt, own stanza first ${decryptOne.toFixed(3)}, last of 4 ${decrypt.toFixed(3)}`,
  );
}
