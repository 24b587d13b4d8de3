/**
 * Generated multipart/form-data bodies: a route's fields (valid or made
 * wrong), then files (random bytes, damaged real images, odd names), sent
 * well-formed or broken: truncated, unclosed, LF only, files before fields,
 * bogus part headers, a wrong or missing boundary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { formPairs, type Body } from './fuzz-bodies';
import { bytesOf, mutated, nastyString } from './fuzz-values';
import { noise } from './uploads';

const encoder = new TextEncoder();
const FIXTURES = path.join(import.meta.dirname, '../fixtures/images');
const JPEG = new Uint8Array(readFileSync(path.join(FIXTURES, 'with-metadata.jpg')));
const PNG = new Uint8Array(readFileSync(path.join(FIXTURES, 'with-metadata.png')));

/** One multipart part; `headers` replaces the Content-Disposition line when given. */
interface Part {
  name: string;
  filename?: string;
  type?: string;
  headers?: string;
  data: Uint8Array;
}

/** A damaged copy of a real JPEG or PNG with metadata: cut short and with bytes changed. */
const damagedImage = fc
  .record({ image: fc.constantFrom(JPEG, PNG), cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), flips: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }) })
  .map(({ image, cut, flips }) => {
    const bytes = image.slice(0, cut === null ? image.length : Math.floor(image.length * cut));
    for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return bytes;
  });

const fileData = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
  { weight: 3, arbitrary: damagedImage },
  { weight: 1, arbitrary: fc.constantFrom(JPEG, PNG, new Uint8Array(0), Uint8Array.of(0xff, 0xd8), Uint8Array.of(0x89, 0x50, 0x4e, 0x47)) },
  { weight: 1, arbitrary: fc.nat(5).map((seed) => noise(50_000, seed + 1)) },
);

const filename = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('photo.jpg', 'scan.png', 'ledger.pdf', 'a') },
  { weight: 2, arbitrary: nastyString.filter((name) => name.length < 5_000) },
  { weight: 1, arbitrary: fc.constantFrom('../../../etc/passwd', 'C:\\evil.exe', 'a"b.jpg', 'a\\"b', '%2e%2e%2fx', '.'.repeat(300), 'x'.repeat(10_000)) },
);

const filePart: fc.Arbitrary<Part> = fc.record({
  name: fc.oneof({ weight: 6, arbitrary: fc.constant('files') }, { weight: 1, arbitrary: fc.constantFrom('file', 'files[]', '__proto__', 'details', '') }),
  filename,
  type: fc.constantFrom('image/jpeg', 'image/png', 'application/octet-stream', 'text/html', 'application/x-msdownload', ''),
  data: fileData,
});

const bogusHeaders = fc.constantFrom(
  'X-Bogus: 1',
  'Content-Disposition: form-data',
  'Content-Disposition: attachment; name="files"; filename="x"',
  'Content-Disposition: form-data; name=',
  'Content-Disposition: form-data; name="unterminated',
  "Content-Disposition: form-data; name=\"files\"; filename*=UTF-8''%ff%fe.jpg",
  'Content-Disposition: form-data; name="files"; filename="a.jpg"\r\nContent-Type: multipart/mixed; boundary=inner',
  'no colon here',
  `Content-Disposition: form-data; name="details"\r\nX-Huge: ${'h'.repeat(100_000)}`,
  `Content-Disposition: form-data; name="${'n'.repeat(20_000)}"`,
);

export type MultipartDamage = 'none' | 'truncate' | 'no-close' | 'lf-only' | 'preamble' | 'files-first' | 'bogus-header' | 'other-boundary' | 'no-boundary' | 'empty';

function multipartBytes(parts: readonly Part[], boundary: string, damage: MultipartDamage, cut: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  if (damage === 'preamble') chunks.push(encoder.encode('this is a preamble\r\n'));
  for (const part of parts) {
    const disposition =
      part.headers ?? `Content-Disposition: form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(bytesOf(`--${boundary}\r\n${disposition}${type}\r\n\r\n`), part.data, encoder.encode('\r\n'));
  }
  if (damage !== 'no-close') chunks.push(encoder.encode(`--${boundary}--\r\n`));
  let bytes: Uint8Array = Buffer.concat(chunks);
  if (damage === 'lf-only') bytes = Buffer.from(Buffer.from(bytes).toString('latin1').replaceAll('\r\n', '\n'), 'latin1');
  if (damage === 'truncate') bytes = bytes.slice(0, Math.floor(bytes.length * cut));
  if (damage === 'empty') bytes = new Uint8Array(0);
  return bytes;
}

export function multipartBody(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  return fc
    .record({
      // Valid fields with well-formed files get stored (slow: a key derivation each), so they are the rarer case.
      fields: fc.oneof({ weight: 1, arbitrary: base }, { weight: 3, arbitrary: base.chain(mutated) }),
      keepMetadata: fc.boolean(),
      files: fc.array(filePart, { maxLength: 4 }),
      damage: fc.oneof(
        { weight: 4, arbitrary: fc.constant<MultipartDamage>('none') },
        { weight: 8, arbitrary: fc.constantFrom<MultipartDamage>('truncate', 'no-close', 'lf-only', 'preamble', 'files-first', 'bogus-header', 'other-boundary', 'no-boundary', 'empty') },
      ),
      bogus: bogusHeaders,
      bogusAt: fc.nat(),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      boundary: fc.oneof(
        { weight: 4, arbitrary: fc.constant('----tipline-fuzz-7MA4YWxkTrZu0gW') },
        { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9'()+_,./:=? -]{1,70}$/).filter((b) => !b.endsWith(' ')) },
        { weight: 1, arbitrary: fc.constantFrom('x'.repeat(200), 'a', '"quoted"', '--', 'b;c') },
      ),
      invalid: fc.nat(),
    })
    .map(({ fields, keepMetadata, files, damage, bogus, bogusAt, cut, boundary, invalid }) => {
      const textParts: Part[] = formPairs(fields).map(([name, value]) => ({ name, data: bytesOf(value, invalid) }));
      if (keepMetadata) textParts.push({ name: 'keepMetadata', data: encoder.encode('on') });
      let parts: Part[] = damage === 'files-first' ? [...files, ...textParts] : [...textParts, ...files];
      if (damage === 'bogus-header' && parts.length > 0) {
        const at = bogusAt % parts.length;
        parts = parts.map((part, index) => (index === at ? { ...part, headers: bogus } : part));
      }
      const bytes = multipartBytes(parts, boundary, damage, cut);
      const quoted = /^[A-Za-z0-9_-]+$/.test(boundary) ? boundary : `"${boundary.replaceAll('"', '\\"')}"`;
      const contentType =
        damage === 'no-boundary'
          ? 'multipart/form-data'
          : damage === 'other-boundary'
            ? 'multipart/form-data; boundary=not-the-one'
            : `multipart/form-data; boundary=${quoted}`;
      return { bytes, contentType };
    });
}
