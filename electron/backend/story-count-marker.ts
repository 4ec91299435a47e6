import fs from 'node:fs';
import path from 'node:path';

/**
 * A small file next to the database remembering how many stories it held. When the database later turns up empty
 * or missing although this says there were stories, the app warns instead of silently starting a fresh bank.
 */
export const MARKER_FILE = 'story-bank.marker.json';

export interface StoryCountMarker {
  stories: number;
  /** ISO time of the last update. */
  at: string;
}

export function readMarker(dataDir: string): StoryCountMarker | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, MARKER_FILE), 'utf8')) as Partial<StoryCountMarker>;
    return typeof value.stories === 'number' && Number.isInteger(value.stories) && value.stories >= 0
      ? { stories: value.stories, at: typeof value.at === 'string' ? value.at : '' }
      : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a marker. */
export function writeMarker(dataDir: string, stories: number, now: Date = new Date()): void {
  const file = path.join(dataDir, MARKER_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ stories, at: now.toISOString() } satisfies StoryCountMarker));
  fs.renameSync(temp, file);
}
