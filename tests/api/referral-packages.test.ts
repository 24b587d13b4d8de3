/**
 * Authorities and referral packages through the API: admins register
 * authorities (a bad key is refused), a caseworker holding the lead's
 * channel makes one age file that the authority opens with the `age` CLI
 * and tar (or the age library, for a post-quantum key), holding the case
 * file in the chosen language, the exact evidence, and a manifest whose
 * hashes and instance signature check out. Contact details go in only with
 * a reason, audited; the referral is recorded and the reporter sees it; the
 * audit trail holds the package's hash.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../server/crypto/age';
import { verifyMessage } from '../../server/crypto/signing';
import { verifyPackageTar } from '../../server/referral/verify';
import { auditEntries, interferenceEntry, jsonOf, reporterView } from '../support/casework';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { ageKeygen, EVIDENCE, leadWithEvidence, openWithAgeCli, registerAuthority, requestPackage, triagerCookie, writeIn } from '../support/referral';
import { addStaff, signIn, staffRequest } from '../support/staff';

let t: TestInstance;
let scratch: string;
beforeAll(async () => {
  t = await createTestInstance();
  scratch = mkdtempSync(path.join(tmpdir(), 'tipline-referral-'));
});
afterAll(() => {
  t.close();
  rmSync(scratch, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface Manifest {
  reportId: number;
  language: string;
  contactIncluded: boolean;
  authority: { id: number; name: string };
  files: { path: string; sha256: string; size: number; originalName?: string }[];
  instance: { publicKey: string };
}

describe('registering authorities', () => {
  it('admins register one with an X25519 or post-quantum key; caseworkers list them; it is audited', async () => {
    const { recipient } = ageKeygen(scratch, 'listed-key.txt');
    const pq = await generateKeyPair('pq');
    const admin = await signIn(t, ADMIN.username, ADMIN.password);
    const x = await jsonOf<{ id: number; keyType: string }>(
      await staffRequest(t, admin, 'POST', '/api/staff/authorities', { name: 'Anti-Corruption Agency', jurisdiction: 'National', recipient }),
      201,
    );
    expect(x.keyType).toBe('x25519');
    const q = await jsonOf<{ keyType: string }>(
      await staffRequest(t, admin, 'POST', '/api/staff/authorities', { name: 'Harbour Police', jurisdiction: 'Keelung port', recipient: pq.recipient }),
      201,
    );
    expect(q.keyType).toBe('pq');
    const listed = await jsonOf<{ authorities: { name: string; recipient: string }[] }>(await staffRequest(t, await triagerCookie(t), 'GET', '/api/staff/authorities'), 200);
    expect(listed.authorities).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Anti-Corruption Agency', recipient }), expect.objectContaining({ name: 'Harbour Police' })]),
    );
    expect(auditEntries(t, 'authority.registered').map((entry) => entry.detail)).toEqual(
      expect.arrayContaining([{ authorityId: x.id, keyType: 'x25519' }, expect.objectContaining({ keyType: 'pq' })]),
    );
  });

  it('refuses a recipient that is not an age key with 400 invalid_recipient, and non-admins with 403', async () => {
    const admin = await signIn(t, ADMIN.username, ADMIN.password);
    const { recipient } = ageKeygen(scratch, 'refused-key.txt');
    const brokenChecksum = recipient.slice(0, -1) + (recipient.endsWith('q') ? 'p' : 'q');
    const ssh = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
    for (const bad of ['age1notakey', brokenChecksum, ssh, 'age1tag1qqqq']) {
      const body = await jsonOf<{ error: { code: string; fields?: Record<string, string> } }>(
        await staffRequest(t, admin, 'POST', '/api/staff/authorities', { name: 'Bad', jurisdiction: 'Nowhere', recipient: bad }),
        400,
      );
      expect(body.error.code).toBe('invalid_recipient');
    }
    const triager = await triagerCookie(t);
    const refused = await staffRequest(t, triager, 'POST', '/api/staff/authorities', { name: 'Mine', jurisdiction: 'Here', recipient });
    expect(refused.status).toBe(403);
    await addStaff(t, { username: 'audrey', password: 'auditor password 123', role: 'auditor', channels: [] });
    expect((await staffRequest(t, await signIn(t, 'audrey', 'auditor password 123'), 'GET', '/api/staff/authorities')).status).toBe(403);
    expect(t.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM authorities WHERE name IN ('Bad', 'Mine')").get()?.n).toBe(0);
  });
});

describe('a referral package for an X25519 authority', () => {
  it('opens with the age CLI and tar: case file in the chosen language, exact evidence, hashes and signature check out; referral recorded and audited', async () => {
    const dir = mkdtempSync(path.join(scratch, 'x-'));
    const { keyFile, recipient } = ageKeygen(dir);
    const authorityId = await registerAuthority(t, recipient);
    const lead = await leadWithEvidence(t, 'PKG-ONE');
    const triager = await triagerCookie(t);
    // A signed decision on the lead, and a signed checkpoint of the trail: both travel in the package.
    await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${lead.id}/interference`, interferenceEntry()), 201);
    expect(t.checkpointer.checkpointNow()).not.toBeNull();

    const { response, bytes } = await requestPackage(t, triager, lead.id, { authorityId, language: 'en' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="referral-${lead.id}-\\d{8}\\.tar\\.age"`));
    expect(bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    const file = writeIn(dir, 'package.tar.age', bytes);
    const out = path.join(dir, 'opened');
    openWithAgeCli(file, keyFile, out);

    const manifestBytes = readFileSync(path.join(out, 'manifest.json'));
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({ reportId: lead.id, language: 'en', contactIncluded: false, authority: { id: authorityId, name: 'City Prosecutors Office' } });
    expect(manifest.instance.publicKey).toBe(t.signingKey.publicKeyBase64);
    const signature = readFileSync(path.join(out, 'manifest.sig'), 'utf8').trim();
    expect(verifyMessage(t.signingKey.publicKeyBase64, manifestBytes, signature)).toBe(true);
    for (const entry of manifest.files) {
      const content = readFileSync(path.join(out, entry.path));
      expect(sha256(content), entry.path).toBe(entry.sha256);
      expect(content.length).toBe(entry.size);
    }
    const [record] = readdirSync(path.join(out, 'records'));
    expect(record).toMatch(/^\d+\.json$/);
    const signed = JSON.parse(readFileSync(path.join(out, 'records', record ?? ''), 'utf8')) as { kind: string; payload: string; signature: string; publicKey: string };
    expect(signed.kind).toBe('interference');
    expect(verifyMessage(signed.publicKey, signed.payload, signed.signature)).toBe(true);
    const checkpoint = (JSON.parse(manifestBytes.toString('utf8')) as { checkpoint: { text: string; signature: string } | null }).checkpoint;
    expect(checkpoint?.text).toMatch(/^tipline audit checkpoint v1\n/);
    expect(verifyMessage(t.signingKey.publicKeyBase64, checkpoint?.text ?? '', checkpoint?.signature ?? '')).toBe(true);
    const evidence = readdirSync(path.join(out, 'evidence')).sort();
    expect(evidence).toEqual(['1-_.txt', '2-scan.bin']);
    expect(readFileSync(path.join(out, 'evidence', '1-_.txt')).equals(Buffer.from(EVIDENCE[0]?.bytes ?? []))).toBe(true);
    expect(readFileSync(path.join(out, 'evidence', '2-scan.bin')).equals(Buffer.from(EVIDENCE[1]?.bytes ?? []))).toBe(true);
    expect(manifest.files.find((entry) => entry.path === 'evidence/1-_.txt')?.originalName).toBe('付款紀錄.txt');

    const html = readFileSync(path.join(out, 'case.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`Case file: lead ${lead.id}`);
    expect(html).toContain('PKG-ONE');
    expect(html).toContain('付款紀錄.txt');
    expect(html).toContain(sha256(EVIDENCE[1]?.bytes ?? new Uint8Array()));
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).not.toContain('PKG-ONE-name');
    expect(html).toContain('contact details are not included');
    expect(html).toMatch(/Signed by lin at [^<]+, verified/);

    // The referral is recorded like any referral, and the reporter sees the agency.
    expect(await reporterView(t, lead.trackingCode)).toMatchObject({ status: 'referred', referral: { agency: 'City Prosecutors Office' } });
    const view = await jsonOf<{ caseRecords: { kind: string; agency?: string }[] }>(await staffRequest(t, triager, 'GET', `/api/staff/reports/${lead.id}`), 200);
    expect(view.caseRecords).toContainEqual(expect.objectContaining({ kind: 'referral', agency: 'City Prosecutors Office' }));
    const [exported] = auditEntries(t, 'report.package_exported').filter((entry) => entry.reportId === lead.id);
    expect(exported?.detail).toMatchObject({ authorityId, packageSha256: sha256(bytes), packageBytes: bytes.length, contactIncluded: false, language: 'en' });
    expect(response.headers.get('x-tipline-package-sha256')).toBe(sha256(bytes));
    expect(auditEntries(t, 'report.referred').filter((entry) => entry.reportId === lead.id)).toHaveLength(1);
    // Nothing of the package stays on the server.
    expect(readdirSync(path.join(t.dataDir, 'files', 'incoming'))).toEqual([]);
  });

  it('puts the contact details in only when included with a reason, audited like a reveal; the case file follows the language asked', async () => {
    const dir = mkdtempSync(path.join(scratch, 'contact-'));
    const { keyFile, recipient } = ageKeygen(dir);
    const authorityId = await registerAuthority(t, recipient, 'District Prosecutors');
    const lead = await leadWithEvidence(t, 'PKG-TWO');
    const triager = await triagerCookie(t);
    const before = auditEntries(t, 'report.contact_revealed').length;

    const shortReason = await requestPackage(t, triager, lead.id, { authorityId, language: 'zh-hant', includeContact: { reason: 'short' } });
    expect(shortReason.response.status).toBe(400);
    expect(auditEntries(t, 'report.contact_revealed')).toHaveLength(before);

    const reason = 'The prosecutor needs to take a witness statement from the reporter.';
    const { response, bytes } = await requestPackage(t, triager, lead.id, { authorityId, language: 'zh-hant', includeContact: { reason } });
    expect(response.status).toBe(200);
    const out = path.join(dir, 'opened');
    openWithAgeCli(writeIn(dir, 'p.tar.age', bytes), keyFile, out);
    const html = readFileSync(path.join(out, 'case.html'), 'utf8');
    expect(html).toContain('<html lang="zh-hant">');
    expect(html).toContain(`卷宗：線索 ${lead.id}`);
    expect(html).toContain('Chen PKG-TWO-name');
    expect(html).toContain('0912345678');
    expect(html).toContain(reason);
    expect((JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest).contactIncluded).toBe(true);

    const reveals = auditEntries(t, 'report.contact_revealed').filter((entry) => entry.reportId === lead.id);
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.detail).toMatchObject({ authorityId });
    // The reason is a case record, encrypted like a reveal's; the audit trail holds ids only.
    expect(JSON.stringify(auditEntries(t, 'report.package_exported'))).not.toContain('witness statement');
    const view = await jsonOf<{ caseRecords: { kind: string; reason?: string }[] }>(await staffRequest(t, triager, 'GET', `/api/staff/reports/${lead.id}`), 200);
    expect(view.caseRecords).toContainEqual(expect.objectContaining({ kind: 'contact_reveal', reason }));
  });

  it('answers a caseworker without the lead\'s channel 404 as other case routes do, and refuses an unknown or disabled authority and a closed lead', async () => {
    const { recipient } = ageKeygen(mkdtempSync(path.join(scratch, 'no-')));
    const authorityId = await registerAuthority(t, recipient, 'Unreached Agency');
    const lead = await leadWithEvidence(t, 'PKG-THREE');
    await addStaff(t, { username: 'wu', password: 'other channel password', role: 'triager', channels: ['organised_crime'] });
    const outsider = await signIn(t, 'wu', 'other channel password');
    const denied = await requestPackage(t, outsider, lead.id, { authorityId, language: 'en' });
    expect(denied.response.status).toBe(404);
    expect((await staffRequest(t, outsider, 'GET', `/api/staff/reports/${lead.id}`)).status).toBe(404);

    const triager = await triagerCookie(t);
    const unknown = await requestPackage(t, triager, lead.id, { authorityId: 9999, language: 'en' });
    expect(unknown.response.status).toBe(400);
    expect(JSON.parse(unknown.bytes.toString())).toMatchObject({ error: { code: 'invalid_input', fields: { authorityId: 'invalid_choice' } } });
    const admin = await signIn(t, ADMIN.username, ADMIN.password);
    const { recipient: other } = ageKeygen(mkdtempSync(path.join(scratch, 'closed-')));
    const open = await registerAuthority(t, other, 'Still Open Agency');
    await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${lead.id}/close`, { outcome: 'substantiated' }), 200);
    expect((await requestPackage(t, triager, lead.id, { authorityId: open, language: 'en' })).response.status).toBe(409);

    expect((await staffRequest(t, admin, 'POST', `/api/staff/authorities/${authorityId}/disable`)).status).toBe(204);
    const listed = await jsonOf<{ authorities: { id: number }[] }>(await staffRequest(t, triager, 'GET', '/api/staff/authorities'), 200);
    expect(listed.authorities.map((a) => a.id)).not.toContain(authorityId);
    const other2 = await leadWithEvidence(t, 'PKG-FOUR');
    expect((await requestPackage(t, triager, other2.id, { authorityId, language: 'en' })).response.status).toBe(400);
    expect(auditEntries(t, 'report.package_exported').filter((entry) => entry.reportId === lead.id || entry.reportId === other2.id)).toEqual([]);
    expect(auditEntries(t, 'authority.disabled').map((entry) => entry.detail)).toContainEqual({ authorityId });
  });
});

describe('a referral package for a post-quantum authority', () => {
  it('is encrypted with an ML-KEM-768 + X25519 stanza only, and opens with the age library into a package that verifies', async () => {
    const keys = await generateKeyPair('pq');
    const authorityId = await registerAuthority(t, keys.recipient, 'Quantum-Safe Bureau');
    const lead = await leadWithEvidence(t, 'PKG-PQ');
    const { response, bytes } = await requestPackage(t, await triagerCookie(t), lead.id, { authorityId, language: 'zh-hans' });
    expect(response.status).toBe(200);
    const header = bytes.subarray(0, bytes.indexOf('\n---')).toString('latin1');
    expect(header).toContain('-> mlkem768x25519 ');
    expect(header).not.toContain('-> X25519 ');

    const decrypter = new Decrypter();
    decrypter.addIdentity(keys.identity);
    const tar = Buffer.from(await decrypter.decrypt(bytes));
    const result = await verifyPackageTar(Readable.from([tar]), { pinnedKey: t.signingKey.publicKeyBase64 });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.passed).toEqual(expect.arrayContaining([expect.stringMatching(/^evidence\/2-scan\.bin: SHA-256 and size match/), expect.stringMatching(/^origin: /)]));
    expect(tar.includes(Buffer.from('<html lang="zh-hans">'))).toBe(true);
  });
});
