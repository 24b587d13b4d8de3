/** What exiftool (which nobody here wrote) reads from a file, for metadata-removal checks. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** exiftool's tags for these bytes, as `Group:Tag` keys. */
export function exiftoolTags(bytes: Buffer, name: string): Record<string, unknown> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tipline-exiftool-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const [tags] = JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file]).toString()) as [Record<string, unknown>];
    return tags;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What a cleaned photo may still carry, because it says nothing about who
 * took it: the orientation (written anew by the cleaner, nothing else from
 * EXIF) and the header of a standard colour profile the cleaner wrote,
 * whose maker, model and creator fields are empty.
 */
const HARMLESS = new Set(['IFD0:Orientation']);

/** Tags that could identify a reporter: where, with what camera, when, by whom. */
export function identifyingTags(tags: Record<string, unknown>): string[] {
  const groups = /^(IFD0|IFD1|ExifIFD|GPS|IPTC|Photoshop|XMP.*|MPF.*|PNG-tEXt|PNG-iTXt|PNG-zTXt|MakerNotes)$/;
  const names = /GPS|Make|Model|Manufacturer|Serial|DateTimeOriginal|CreateDate|ModifyDate|Comment|Author|By-line|Creator|City|IPTC|Thumbnail/;
  return Object.keys(tags).filter((key) => {
    const [group = '', name = ''] = key.split(':');
    if (group === 'System' || group === 'ExifTool' || HARMLESS.has(key) || tags[key] === '') return false;
    return groups.test(group) || names.test(name);
  });
}
