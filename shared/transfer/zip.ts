import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { utf8Decode } from './utf8.ts';

/**
 * Zip archives through fflate, which reads and writes the deflated archives Finder, Windows Explorer and `zip` make.
 * What is ours: the limits an import needs against a hostile archive (checked on the sizes the archive declares,
 * before anything is inflated; fflate never inflates an entry past its declared size), the checksum fflate does not
 * verify, the refusal of entry names that could not come from a plain folder, and which entries are stories.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface ZipLimits {
  /** Files in the archive, directories not counted. */
  maxEntries: number;
  /** The sum of the files' unpacked sizes. */
  maxBytes: number;
  /** Unpacked size over packed size, for entries over a megabyte: text deflates a few times, a zip bomb a thousand. */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024, maxRatio: 100 };

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

/** A zip archive of the entries, in order, deflated. `modified` stamps every entry (default: 1 January 1980). */
export function createZip(entries: readonly ZipEntry[], modified: Date = new Date(1980, 0, 1)): Uint8Array {
  const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const entry of entries) {
    if (entryNameProblem(entry.name)) throw new ZipError(`"${entry.name}" ${entryNameProblem(entry.name)}`);
    if (entry.name in files) throw new ZipError(`"${entry.name}" is in the archive twice`);
    files[entry.name] = entry.data;
  }
  // Made on Unix with rw-r--r-- files, as `zip` on Linux writes: Info-ZIP's unzip reads the UTF-8 name flag only
  // then, and would otherwise treat names as an MS-DOS code page and garble every non-ASCII one.
  return zipSync(files, { level: 6, mtime: modified, os: 3, attrs: (0o100644 << 16) >>> 0 });
}

/** Whether bytes start like a zip archive ("PK\x03\x04", or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Why an entry name cannot be taken, or null. An archive of a folder holds relative paths with forward slashes;
 * anything else (an absolute path, a drive letter, `..`, a backslash path, control characters) is either damage
 * or an attempt to make a name point outside the folder, and is refused rather than guessed at.
 */
export function entryNameProblem(name: string): string | null {
  if (name === '') return 'has no name';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has control characters in its name';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'uses backslashes in its path';
  if (name.split('/').some((part) => part === '..')) return 'points outside the archive (..)';
  return null;
}

/**
 * Reads the files of a zip archive (directories are left out). Throws ZipError with a message for the user when the
 * archive is damaged, encrypted, not a zip, over the limits, or holds a bad or repeated name; then nothing is taken.
 */
export function readZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipEntry[] {
  const { maxEntries, maxBytes, maxRatio } = { ...ZIP_LIMITS, ...limits };
  const declared: UnzipFileInfo[] = [];
  const seen = new Set<string>();
  let total = 0;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith('/')) return false;
        const problem = entryNameProblem(file.name);
        if (problem) throw new ZipError(`"${file.name}" ${problem}`);
        if (seen.has(file.name)) throw new ZipError(`"${file.name}" is in the archive twice`);
        seen.add(file.name);
        if (seen.size > maxEntries) throw new ZipError(`it holds more than ${maxEntries} files; at most ${maxEntries} can be imported at once`);
        if (file.compression !== 0 && file.compression !== 8) throw new ZipError(`"${file.name}" is packed with a method this app cannot read (${file.compression})`);
        total += file.originalSize;
        if (total > maxBytes) throw new ZipError(`it unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
        if (file.originalSize > 1024 * 1024 && file.originalSize > maxRatio * Math.max(1, file.size)) {
          throw new ZipError(`"${file.name}" unpacks to ${Math.round(file.originalSize / file.size)} times its size, which no story file does`);
        }
        declared.push(file);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    // fflate's own errors: no end-of-archive record, a bad deflate stream (also what encryption looks like).
    const message = error instanceof Error ? error.message : String(error);
    throw new ZipError(/end of central directory|invalid zip/i.test(message) ? 'it is not a zip archive (or it is cut short)' : `it is damaged (${message})`);
  }
  const crcs = recordedCrcs(bytes);
  return declared.map((file) => {
    const data = Object.hasOwn(inflated, file.name) ? inflated[file.name] : undefined;
    // A short result means the entry's data ended early: a cut or damaged archive.
    if (!data || data.length !== file.originalSize) throw new ZipError(`"${file.name}" is damaged or cut short`);
    const crc = crcs.get(file.name);
    if (crc !== undefined && crc32(data) !== crc) throw new ZipError(`"${file.name}" is damaged (its checksum does not match)`);
    return { name: file.name, data };
  });
}

/** CRC-32 (IEEE 802.3), as zip, gzip and PNG use it. fflate checks none on reading, so this does. */
export function crc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
let crcTable: Uint32Array | undefined;

/**
 * The checksum the archive's table of contents records for each entry, in table order (the order fflate walks).
 * Only called after fflate has read the same table, so the offsets are known to be in range; ZIP64 archives are
 * left unchecked (none of ours, and Finder's only past 4 GB, far over the import limit).
 */
function recordedCrcs(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crcs = new Map<string, number>();
  let eocd = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 0xffff); // the record sits before a comment of at most 64 KB
  while (eocd > stop && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0 || view.getUint32(eocd, true) !== 0x06054b50) return crcs;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return crcs;
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const utf8 = (view.getUint16(at + 8, true) & 0x0800) !== 0;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const crc = view.getUint32(at + 16, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    try {
      crcs.set(utf8 ? utf8Decode(nameBytes) : String.fromCharCode(...nameBytes), crc);
    } catch {
      // A flagged name that is not UTF-8: fflate decodes it its own way, so that entry goes unchecked.
    }
  }
  return crcs;
}

export interface SkippedEntry {
  name: string;
  reason: string;
}

/**
 * Which entries of an archive are stories: Markdown files outside hidden folders. Everything else is listed with
 * the reason, so the import preview and the CLI can say what they left out.
 */
export function storyEntries(entries: readonly ZipEntry[]): { stories: ZipEntry[]; skipped: SkippedEntry[] } {
  const stories: ZipEntry[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    const parts = entry.name.split('/');
    if (parts.includes('__MACOSX')) skipped.push({ name: entry.name, reason: 'macOS metadata' });
    else if (parts.some((p) => p.startsWith('.'))) skipped.push({ name: entry.name, reason: 'hidden file' });
    else if (!/\.(md|markdown)$/i.test(entry.name)) skipped.push({ name: entry.name, reason: 'not a Markdown file' });
    else stories.push(entry);
  }
  return { stories, skipped };
}
