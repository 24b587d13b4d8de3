/**
 * A copy of the project built with an operator profile (SITE_CONFIG), for
 * tests of what a configured site shows: the copy is built exactly as
 * `npm start` builds (scripts/build-if-needed.mjs) and its compiled server
 * can be started from it. node_modules is linked, not copied.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRIES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'web', 'contract', 'scripts', 'server', 'db', 'bin'];

export interface ProfileCopy {
  /** The copy's root: its build/server.js serves its dist/. */
  root: string;
  /** The profile file (SITE_CONFIG) in a folder of its own, with any extra files given. */
  profileFile: string;
  /** Run build-if-needed in the copy with SITE_CONFIG and `env`. */
  build(env?: Record<string, string>): { status: number | null; output: string };
  remove(): void;
}

export function makeProfileCopy(profile: unknown, extraFiles: Record<string, string> = {}): ProfileCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'tipline-profile-'));
  for (const entry of ENTRIES) cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const operatorFolder = mkdtempSync(path.join(tmpdir(), 'tipline-operator-'));
  const profileFile = path.join(operatorFolder, 'site.json');
  writeFileSync(profileFile, JSON.stringify(profile));
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(path.join(operatorFolder, name), text);
  return {
    root,
    profileFile,
    build(env = {}) {
      const run = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, SITE_CONFIG: profileFile, ...env },
      });
      return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
      rmSync(operatorFolder, { recursive: true, force: true });
    },
  };
}
