import { IMPORT_LIMITS, type ImportFile } from '../../../shared/transfer/import-files.ts';
import { utf8Decode } from '../../../shared/transfer/utf8.ts';
import { looksLikeZip, readZip, storyEntries, ZIP_LIMITS, ZipError } from '../../../shared/transfer/zip.ts';

/**
 * Reads the files the user chose (<input type=file>) into what the import channels take: a name and the text.
 * A .zip (as the app exports Markdown, or as Finder and Explorer make one) stands for the Markdown files inside it;
 * the entries left out are listed in `skipped`, each with why. Throws an Error naming the file when one cannot be
 * read; the backend checks everything else.
 */

const ZIP_MAX_BYTES = ZIP_LIMITS.maxBytes;

export interface ChosenFiles {
  files: ImportFile[];
  /** "archive.zip/path (reason)" for each zip entry that is not a story. */
  skipped: string[];
}

function decode(bytes: Uint8Array, name: string): string {
  try {
    return utf8Decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

export async function readImportFiles(chosen: readonly File[]): Promise<ChosenFiles> {
  if (chosen.length > IMPORT_LIMITS.files) throw new Error(`Choose at most ${IMPORT_LIMITS.files} files at once.`);
  const out: ImportFile[] = [];
  const skipped: string[] = [];
  let total = 0;
  for (const file of chosen) {
    const isZip = /\.zip$/i.test(file.name);
    const limit = isZip ? ZIP_MAX_BYTES : IMPORT_LIMITS.backupChars;
    if (file.size > limit) throw new Error(`${file.name} is too large to import (${Math.round(file.size / 1024 / 1024)} MB).`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isZip || looksLikeZip(bytes)) {
      let entries;
      try {
        entries = readZip(bytes, { maxEntries: IMPORT_LIMITS.files, maxBytes: ZIP_MAX_BYTES });
      } catch (error) {
        throw new Error(`${file.name}: ${error instanceof ZipError ? error.message : String(error)}.`);
      }
      const picked = storyEntries(entries);
      if (picked.stories.length === 0) throw new Error(`${file.name} holds no Markdown (.md) story files.`);
      for (const s of picked.skipped) skipped.push(`${file.name}/${s.name} (${s.reason})`);
      const stories = picked.stories;
      for (const entry of stories) out.push({ name: `${file.name}/${entry.name}`, content: decode(entry.data, `${file.name}/${entry.name}`) });
    } else {
      out.push({ name: file.name, content: decode(bytes, file.name) });
    }
    total = out.reduce((n, f) => n + f.content.length, 0);
    if (total > IMPORT_LIMITS.totalChars) throw new Error('Those files are too large to import at once.');
  }
  return { files: out, skipped };
}
