/**
 * The few bytes of the ustar format a referral package needs: a 512-byte
 * header before each regular file, zero padding to the next 512-byte
 * boundary after it, two zero blocks at the end (POSIX.1-1988, as GNU tar,
 * bsdtar and the `tar` package read it). Written by hand because the
 * package's entries are streamed from decryption with their sizes known in
 * advance, which the `tar` package's Pack (made for files on disk) does not
 * take; nothing here buffers a file.
 *
 * Paths are ASCII and at most 100 bytes (the header's name field), which
 * the package's own names keep to (see safeEntryName).
 */

export const BLOCK = 512;

/** The end of an archive: two zero blocks. */
export const TAR_END = Buffer.alloc(BLOCK * 2);

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL, as ustar writers do.
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The header of a regular file of `size` bytes at `path`, modified at `mtime`. */
export function tarHeader(path: string, size: number, mtime: Date): Buffer {
  if (!/^[\x21-\x7e]{1,100}$/.test(path) || path.startsWith('/') || path.split('/').includes('..')) throw new Error(`not a package path: ${path}`);
  if (!Number.isSafeInteger(size) || size < 0 || size >= 8 ** 11) throw new Error('a tar entry of an impossible size');
  const header = Buffer.alloc(BLOCK);
  header.write(path, 0, 100, 'ascii');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** The zero bytes after a file of `size` bytes. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/**
 * A file name from a reporter made safe as the last part of a package path:
 * ASCII letters, digits, dot, dash and underscore only (anything else
 * becomes "_"), no leading dot, the extension kept when the name is cut.
 * The original name is in the manifest and case.html.
 */
export function safeEntryName(name: string, maxLength = 60): string {
  const ascii = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  const cleaned = ascii === '' || /^_*$/.test(ascii) ? 'file' : ascii;
  if (cleaned.length <= maxLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, maxLength - extension.length) + extension;
}
