/**
 * Helpers for referral package tests: an authority key made by `age-keygen`
 * (nobody here wrote it), a lead with evidence and contact details, a
 * package made through the API, and opening it as an authority would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { findChannelBySlug } from '../../server/data/channels';
import { jsonOf } from './casework';
import { ADMIN, type TestInstance } from './instance';
import { addStaff, signIn, staffRequest } from './staff';
import { multipart, noise, postMultipart } from './uploads';

export const TRIAGER = { username: 'lin', password: 'triager password 123', role: 'triager', channels: ['official_protection'] } as const;

/** The evidence a test lead carries: stored as sent (not images, so not cleaned). */
export const EVIDENCE = [
  { name: '付款紀錄.txt', bytes: new TextEncoder().encode('Ledger: 2026-03 NT$200,000 to the harbour office.\n'), type: 'text/plain' },
  { name: 'scan.bin', bytes: noise(300_000, 5) },
];

/** An X25519 authority key pair from the age CLI: the key file path and its recipient. */
export function ageKeygen(dir: string, name = 'authority-key.txt'): { keyFile: string; recipient: string } {
  const keyFile = path.join(dir, name);
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
  const recipient = /# public key: (age1\S+)/.exec(readFileSync(keyFile, 'utf8'))?.[1];
  if (recipient === undefined) throw new Error('age-keygen wrote no public key');
  return { keyFile, recipient };
}

/** A report with the evidence files and contact details, through the public form; its id and tracking code. */
export async function leadWithEvidence(t: TestInstance, marker: string): Promise<{ id: number; trackingCode: string }> {
  const response = await postMultipart(
    t,
    '/api/reports',
    multipart(
      {
        category: 'official_protection',
        details: `The harbour master waves the smugglers through every Friday night. ${marker}`,
        'contact.name': `Chen ${marker}-name`,
        'contact.phone': '0912345678',
      },
      EVIDENCE,
    ),
  );
  const { trackingCode } = await jsonOf<{ trackingCode: string }>(response, 201);
  const id = t.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM reports').get()?.id ?? 0;
  return { id, trackingCode };
}

/** Register an authority as the first admin; its id. */
export async function registerAuthority(t: TestInstance, recipient: string, name = 'City Prosecutors Office'): Promise<number> {
  const admin = await signIn(t, ADMIN.username, ADMIN.password);
  const created = await jsonOf<{ id: number }>(await staffRequest(t, admin, 'POST', '/api/staff/authorities', { name, jurisdiction: 'Taipei, corruption', recipient }), 201);
  return created.id;
}

/** A triager holding the lead's channel, signed in. */
export async function triagerCookie(t: TestInstance): Promise<string> {
  if (!findChannelBySlug(t.db, 'official_protection')) throw new Error('the default channels are missing');
  const exists = t.db.prepare<[string], { id: number }>('SELECT id FROM staff WHERE username = ?').get(TRIAGER.username);
  if (!exists) await addStaff(t, { ...TRIAGER, channels: [...TRIAGER.channels] });
  return signIn(t, TRIAGER.username, TRIAGER.password);
}

/** Make a package through the API; the response and the age file's bytes. */
export async function requestPackage(t: TestInstance, cookie: string, reportId: number, body: Record<string, unknown>): Promise<{ response: Response; bytes: Buffer }> {
  const response = await staffRequest(t, cookie, 'POST', `/api/staff/reports/${reportId}/referral-package`, body);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes };
}

/** Decrypt and unpack with the age CLI and tar, exactly as the README tells an authority: `age -d -i KEY FILE | tar x`. */
export function openWithAgeCli(packageFile: string, keyFile: string, into: string): void {
  mkdirSync(into, { recursive: true });
  execFileSync('sh', ['-c', 'age -d -i "$1" "$2" | tar x -C "$3"', 'sh', keyFile, packageFile, into], { stdio: 'pipe' });
  expect(readFileSync(path.join(into, 'manifest.json')).length).toBeGreaterThan(0);
}

/** Write bytes to a file in `dir`; its path. */
export function writeIn(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
