import { utf8Decode, utf8Encode } from './utf8.ts';

/**
 * A minimal zip archive: entries stored without compression, each with its CRC-32, names in UTF-8 (general
 * purpose flag bit 11). Enough to hand someone a folder of Markdown stories in one file, and to read such an
 * archive back. Compressed entries are refused with a message (unzip them first); no ZIP64.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

let crcTable: Uint32Array | null = null;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  crcTable = t;
  return t;
}

/** CRC-32 (IEEE 802.3), as zip, gzip and PNG use it. */
export function crc32(data: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields for a local time (the zip format's own, 2-second resolution, from 1980). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

class ByteWriter {
  private chunks: Uint8Array[] = [];
  length = 0;
  u16(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff));
  }
  u32(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff));
  }
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

const UTF8_FLAG = 0x0800;
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

/** A zip archive of the entries, in order. `modified` stamps every entry (default: 1 January 1980, zip's earliest date). */
export function createZip(entries: readonly ZipEntry[], modified: Date = new Date(1980, 0, 1)): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`A zip holds at most ${MAX_ENTRIES} files.`);
  const when = dosDateTime(modified);
  const out = new ByteWriter();
  const central = new ByteWriter();
  for (const entry of entries) {
    const name = utf8Encode(entry.name);
    const crc = crc32(entry.data);
    const offset = out.length;
    if (entry.data.length > MAX_SIZE || offset > MAX_SIZE) throw new Error('That is too much for a zip without ZIP64.');
    // Local file header.
    out.u32(0x04034b50);
    out.u16(10); // version needed: 1.0, stored
    out.u16(UTF8_FLAG);
    out.u16(0); // method: stored
    out.u16(when.time);
    out.u16(when.date);
    out.u32(crc);
    out.u32(entry.data.length);
    out.u32(entry.data.length);
    out.u16(name.length);
    out.u16(0);
    out.bytes(name);
    out.bytes(entry.data);
    // Central directory record.
    central.u32(0x02014b50);
    central.u16(0x031e); // made by: Unix, spec 3.0
    central.u16(10);
    central.u16(UTF8_FLAG);
    central.u16(0);
    central.u16(when.time);
    central.u16(when.date);
    central.u32(crc);
    central.u32(entry.data.length);
    central.u32(entry.data.length);
    central.u16(name.length);
    central.u16(0); // extra
    central.u16(0); // comment
    central.u16(0); // disk
    central.u16(0); // internal attributes
    central.u32((0o100644 << 16) >>> 0); // external: a regular file, rw-r--r--
    central.u32(offset);
    central.bytes(name);
  }
  const centralOffset = out.length;
  const centralBytes = central.result();
  out.bytes(centralBytes);
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(entries.length);
  out.u16(entries.length);
  out.u32(centralBytes.length);
  out.u32(centralOffset);
  out.u16(0);
  return out.result();
}

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** Whether bytes start like a zip archive ("PK\x03\x04", or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Reads the files of a zip archive (directories are skipped). Throws ZipError with a message for the user when the
 * archive is damaged, compressed, encrypted or not a zip at all.
 */
export function readZip(bytes: Uint8Array, limits: { maxEntries?: number; maxBytes?: number } = {}): ZipEntry[] {
  const maxEntries = limits.maxEntries ?? 10_000;
  const maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('it is not a zip archive (or it is cut short)');
  const count = u16(bytes, eocd + 10);
  const centralSize = u32(bytes, eocd + 12);
  const centralOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (count > maxEntries) throw new ZipError(`it holds ${count} files; at most ${maxEntries} can be imported at once`);
  if (centralOffset + centralSize > eocd) throw new ZipError('its table of contents is damaged');
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('its table of contents is damaged');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    let name: string;
    try {
      name = utf8Decode(nameBytes);
    } catch {
      name = String.fromCharCode(...nameBytes); // legacy code page: only used in messages
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`"${name}" is encrypted`);
    if (method !== 0) throw new ZipError(`"${name}" is compressed; unzip the archive and import its files instead`);
    if (compressed !== size) throw new ZipError(`"${name}" is damaged`);
    total += size;
    if (total > maxBytes) throw new ZipError(`it unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50) throw new ZipError(`"${name}" is damaged`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + size > bytes.length) throw new ZipError(`"${name}" is cut short`);
    const data = bytes.slice(dataStart, dataStart + size);
    if (crc32(data) !== crc) throw new ZipError(`"${name}" is damaged (its checksum does not match)`);
    entries.push({ name, data });
  }
  return entries;
}
