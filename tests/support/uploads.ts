/**
 * Multipart helpers for upload tests: a FormData with text fields first and
 * files last (as the forms send them), and what the data directory holds.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestInstance } from './instance';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** Fields (contact.* flattened) then one `files` part per file. */
export function multipart(fields: Record<string, string>, files: readonly UploadFile[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', new Blob([Buffer.from(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}

/** POST a FormData; `html` asks for a page as a browser's form post does. */
export function postMultipart(t: TestInstance, url: string, form: FormData, html = false): Promise<Response> {
  return Promise.resolve(
    t.app.request(url, { method: 'POST', headers: { Accept: html ? 'text/html,application/xhtml+xml' : 'application/json' }, body: form }),
  );
}

/** Names of the stored and the incoming files under DATA_DIR/files. */
export function filesOnDisk(dataDir: string): { stored: string[]; incoming: string[] } {
  const dir = path.join(dataDir, 'files');
  return {
    stored: readdirSync(dir).filter((name) => name.endsWith('.age')),
    incoming: readdirSync(path.join(dir, 'incoming')),
  };
}

/** Bytes that are the same on every run and compress badly (so sizes mean something). */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
