import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChannelBySlug, renameChannel } from './channels';
import { applyMigrations, openDatabase, type Db } from './database';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../db/migrations');

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tipline-channels-'));
  db = openDatabase(path.join(dir, 'test.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The migrations up to (not including) `name`, as an instance made before it has them. */
function migrationsBefore(name: string): string {
  const older = path.join(dir, 'older');
  mkdirSync(older);
  for (const file of readdirSync(MIGRATIONS).filter((file) => file < name)) cpSync(path.join(MIGRATIONS, file), path.join(older, file));
  return older;
}

describe('channel names', () => {
  it('names an older instance’s default channels in every language, and leaves its own channels as they were', () => {
    applyMigrations(db, migrationsBefore('007_channel_names.sql'));
    const insert = db.prepare("INSERT INTO channels (slug, name, recipient, created_at) VALUES (?, ?, 'age1x', '2026-01-01T00:00:00Z')");
    insert.run('organised_crime', 'Organised crime');
    insert.run('land_fraud', 'Land fraud');
    applyMigrations(db, MIGRATIONS);
    expect(findChannelBySlug(db, 'organised_crime')).toMatchObject({ name: 'Organised crime', names: { 'zh-hant': '組織犯罪', 'zh-hans': '组织犯罪', en: 'Organised crime' }, descriptions: {} });
    expect(findChannelBySlug(db, 'land_fraud')).toMatchObject({ name: 'Land fraud', names: {}, descriptions: {} });
  });

  it('reads back only the languages the site speaks, and no empty texts', () => {
    applyMigrations(db, MIGRATIONS);
    db.prepare("INSERT INTO channels (slug, name, recipient, created_at) VALUES ('port', 'Port', 'age1x', '2026-01-01T00:00:00Z')").run();
    const id = findChannelBySlug(db, 'port')?.id ?? 0;
    renameChannel(db, id, { name: 'Port', names: { en: 'Port', 'zh-hant': '' }, descriptions: {} });
    db.prepare(`UPDATE channels SET descriptions = '{"fr":"Le port","zh-hans":"港口"}' WHERE id = ?`).run(id);
    expect(findChannelBySlug(db, 'port')).toMatchObject({ names: { en: 'Port' }, descriptions: { 'zh-hans': '港口' } });
  });
});
