/**
 * Removes identifying metadata from a JPEG without decoding it. A JPEG is a
 * sequence of marker segments (FF, code, 2-byte length, payload); each SOS
 * segment is followed by entropy-coded data, which runs until the next
 * marker that is not a restart (FF00 is a stuffed FF byte, FFD0-FFD7 are
 * restarts). Progressive files have several scans, with tables between them.
 * Marker segments (at most 64 KiB each) are held whole and kept or dropped by
 * `cleanSegment`; entropy-coded data streams through untouched.
 */
import type { ByteQueue } from './byte-queue';
import { type Emit, type FormatCleaner, UnreadableImageError } from './format-cleaner';
import { cleanSegment, EOI, isRestart, isStandalone, SOS } from './jpeg-segments';

const SOI_BYTES = Buffer.from([0xff, 0xd8]);
const EOI_BYTES = Buffer.from([0xff, EOI]);
const FF = Buffer.from([0xff]);

type State =
  | { at: 'soi' }
  | { at: 'marker'; sawFF: boolean }
  | { at: 'length'; code: number }
  | { at: 'payload'; code: number; length: number }
  | { at: 'scan'; heldFF: boolean }
  | { at: 'after-eoi' };

/** A streaming JPEG cleaner; see the module comment. */
export function jpegCleaner(): FormatCleaner {
  let state: State = { at: 'soi' };
  let sawScan = false;

  function readSoi(input: ByteQueue, emit: Emit): boolean {
    const soi = input.take(2);
    if (soi === null) return false;
    if (!soi.equals(SOI_BYTES)) throw new UnreadableImageError('JPEG does not start with SOI');
    emit(soi);
    state = { at: 'marker', sawFF: false };
    return true;
  }

  /** Reads FF, any fill bytes (more FFs, dropped), then the marker code. */
  function readMarker(input: ByteQueue, emit: Emit, sawFF: boolean): boolean {
    const byte = input.takeUpTo(1)[0];
    if (byte === undefined) return false;
    if (!sawFF && byte !== 0xff) throw new UnreadableImageError('JPEG has data where a marker should be');
    if (byte === 0xff) state = { at: 'marker', sawFF: true };
    else startSegment(byte, emit);
    return true;
  }

  function startSegment(code: number, emit: Emit): void {
    if (code === EOI && sawScan) {
      emit(EOI_BYTES);
      state = { at: 'after-eoi' };
    } else if (isStandalone(code) || code === 0x00) {
      // SOI again, EOI before any picture, a restart or FF00 outside a scan: not a file we can follow.
      throw new UnreadableImageError(`JPEG has marker FF${code.toString(16).toUpperCase()} out of place`);
    } else {
      state = { at: 'length', code };
    }
  }

  function readLength(input: ByteQueue, code: number): boolean {
    const bytes = input.take(2);
    if (bytes === null) return false;
    const length = bytes.readUInt16BE(0);
    if (length < 2) throw new UnreadableImageError('JPEG segment length is impossible');
    state = { at: 'payload', code, length: length - 2 };
    return true;
  }

  function readPayload(input: ByteQueue, emit: Emit, code: number, length: number): boolean {
    const payload = input.take(length);
    if (payload === null) return false;
    const kept = cleanSegment(code, payload);
    if (kept !== null) emit(kept);
    if (code === SOS) sawScan = true;
    state = code === SOS ? { at: 'scan', heldFF: false } : { at: 'marker', sawFF: false };
    return true;
  }

  function step(input: ByteQueue, emit: Emit): boolean {
    switch (state.at) {
      case 'soi':
        return readSoi(input, emit);
      case 'marker':
        return readMarker(input, emit, state.sawFF);
      case 'length':
        return readLength(input, state.code);
      case 'payload':
        return readPayload(input, emit, state.code, state.length);
      case 'scan':
        return passScanData(input, emit, state);
      case 'after-eoi':
        // Camera trailers and MPF secondary images (with their own EXIF) follow EOI: dropped.
        input.clear();
        return false;
    }
  }

  /**
   * Streams entropy-coded data until a marker that ends the scan. An FF at
   * the very end of a chunk is held until the next byte says what it is.
   */
  function passScanData(input: ByteQueue, emit: Emit, scan: { heldFF: boolean }): boolean {
    const data = input.takeUpTo(input.length);
    if (data.length === 0) return false;
    if (scan.heldFF) {
      const next = data[0] ?? 0;
      if (endsScan(next)) return endScan(input, data, 0);
      emit(FF); // the held FF belongs to the data
      scan.heldFF = false;
    }
    let from = 0;
    for (;;) {
      const ff = data.indexOf(0xff, from);
      if (ff === -1) {
        emit(data);
        return true;
      }
      if (ff === data.length - 1) {
        emit(data.subarray(0, ff));
        scan.heldFF = true;
        return true;
      }
      if (endsScan(data[ff + 1] ?? 0)) {
        emit(data.subarray(0, ff));
        return endScan(input, data, ff + 1);
      }
      // FF00 (a stuffed FF), a restart, or FF FF (fill bytes; libjpeg also reads FF..FF00 as one FF): passed on as they came.
      from = data[ff + 1] === 0xff ? ff + 1 : ff + 2;
    }
  }

  /** The marker code at `codeAt` ends the scan: hand it and what follows back to the marker reader. */
  function endScan(input: ByteQueue, data: Buffer, codeAt: number): boolean {
    input.unshift(data.subarray(codeAt));
    state = { at: 'marker', sawFF: true };
    return true;
  }

  return {
    consume(input, emit) {
      while (step(input, emit));
    },
    end(input, emit) {
      this.consume(input, emit);
      if (state.at === 'scan' && state.heldFF) emit(FF);
      // Cut short after the first scan began: pixel data may be missing, but no metadata can have followed unseen.
      if (state.at !== 'after-eoi' && !sawScan) throw new UnreadableImageError('JPEG ends before its image data');
    },
  };
}

/** After FF inside entropy-coded data: anything but stuffing (00), a restart or another FF is a marker. */
function endsScan(next: number): boolean {
  return next !== 0x00 && next !== 0xff && !isRestart(next);
}
