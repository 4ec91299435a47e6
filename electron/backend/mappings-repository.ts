import { isProbeReadiness, type ProbeReadiness } from '../../shared/coverage/probes.ts';
import type { DismissedSuggestions, ProbeNoteRecord, SuggestionKind } from '../../shared/domain/mappings.ts';
import { isPrincipleId } from '../../shared/domain/principles.ts';
import { isLevel } from '../../shared/domain/levels.ts';
import { isSectionId, SECTION_IDS, type SectionId } from '../../shared/domain/sections.ts';
import { emptySections, type PrincipleMapping, sectionTexts } from '../../shared/domain/story.ts';
import type { CoverageStoryRow } from '../../shared/ipc/contract.ts';
import type { Suppression } from '../../shared/lint/diagnostics.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { LIMITS } from '../../shared/ipc/schemas.ts';
import type { BackupStory } from '../../shared/transfer/backup.ts';
import type { Db } from './database.ts';
import { makeClock } from './clock.ts';

/**
 * Probe notes, dismissed suggestions and the rows the coverage view is computed from (see migration 0050).
 * Plain functions over a database handle, returning shared/ types; none knows about IPC.
 */

interface ProbeNoteRow {
  probe_id: string;
  notes: string;
  readiness: string | null;
  updated_at: number;
}

interface CoverageRow {
  id: string;
  title: string;
  principles: string;
  prompts: string;
  level: string | null;
}

export interface ProbeNoteInput {
  note: string;
  readiness: ProbeReadiness | null;
}

export interface MappingsRepository {
  /** Every probe note of a story, by probe id (the renderer shows them in the content's order). */
  probeNotes(storyId: string): ProbeNoteRecord[];
  /**
   * Writes one probe's note and mark. A note that is blank and unmarked is removed, so nothing keeps a probe that
   * was never prepared. Returns what is stored (null when removed).
   */
  saveProbeNote(storyId: string, probeId: string, input: ProbeNoteInput): ProbeNoteRecord | null;
  dismissed(storyId: string): DismissedSuggestions;
  dismiss(storyId: string, kind: SuggestionKind, id: string): void;
  restore(storyId: string, kind: SuggestionKind, id: string): void;
  /** Every story not in the trash, oldest first, with its principles and prompts. */
  coverageStories(): CoverageStoryRow[];
  /** A story's dismissed suggestions with their times, oldest first: what a whole-bank record keeps. */
  dismissalRecords(storyId: string): DismissalRecord[];
  /**
   * Replaces a story's probe notes and dismissed suggestions with these, times kept (an import of a whole record).
   * Call inside the caller's transaction.
   */
  replaceRecords(storyId: string, notes: readonly ProbeNoteRecord[], dismissals: readonly DismissalRecord[]): void;
}

export type DismissalRecord = BackupStory['dismissedSuggestions'][number];

export function createMappingsRepository(db: Db): MappingsRepository {
  const now = makeClock();
  const storyState = db.prepare('SELECT deleted_at FROM stories WHERE id = ?');
  const selectNotes = db.prepare(
    'SELECT probe_id, notes, readiness, updated_at FROM probe_notes WHERE story_id = ? ORDER BY probe_id',
  );
  const countNotes = db.prepare('SELECT count(*) FROM probe_notes WHERE story_id = ?').pluck();
  const hasNote = db.prepare('SELECT 1 FROM probe_notes WHERE story_id = ? AND probe_id = ?').pluck();
  const upsertNote = db.prepare(
    `INSERT INTO probe_notes (story_id, probe_id, notes, readiness, updated_at)
     VALUES (@storyId, @probeId, @notes, @readiness, @now)
     ON CONFLICT (story_id, probe_id) DO UPDATE
       SET notes = excluded.notes, readiness = excluded.readiness, updated_at = excluded.updated_at`,
  );
  const deleteNote = db.prepare('DELETE FROM probe_notes WHERE story_id = ? AND probe_id = ?');

  const selectDismissed = db.prepare(
    'SELECT kind, target_id FROM dismissed_suggestions WHERE story_id = ? ORDER BY dismissed_at, target_id',
  );
  const countDismissed = db.prepare('SELECT count(*) FROM dismissed_suggestions WHERE story_id = ?').pluck();
  const insertDismissed = db.prepare(
    `INSERT INTO dismissed_suggestions (story_id, kind, target_id, dismissed_at) VALUES (@storyId, @kind, @id, @now)
     ON CONFLICT (story_id, kind, target_id) DO NOTHING`,
  );
  const deleteDismissed = db.prepare(
    'DELETE FROM dismissed_suggestions WHERE story_id = @storyId AND kind = @kind AND target_id = @id',
  );

  const selectDismissalRecords = db.prepare(
    'SELECT kind, target_id, dismissed_at FROM dismissed_suggestions WHERE story_id = ? ORDER BY dismissed_at, kind, target_id',
  );
  const deleteNotesOf = db.prepare('DELETE FROM probe_notes WHERE story_id = ?');
  const insertNoteRecord = db.prepare(
    'INSERT INTO probe_notes (story_id, probe_id, notes, readiness, updated_at) VALUES (@storyId, @probeId, @note, @readiness, @updatedAt)',
  );
  const deleteDismissalsOf = db.prepare('DELETE FROM dismissed_suggestions WHERE story_id = ?');
  const insertDismissalRecord = db.prepare(
    'INSERT INTO dismissed_suggestions (story_id, kind, target_id, dismissed_at) VALUES (@storyId, @kind, @id, @dismissedAt)',
  );

  const selectCoverage = db.prepare(
    'SELECT seq, id, title, principles, prompts, level FROM stories WHERE deleted_at IS NULL ORDER BY created_at, seq',
  );
  const selectTexts = db.prepare('SELECT story_seq, section, text FROM story_sections');
  const selectSuppressions = db.prepare('SELECT story_id, rule_id, section, fingerprint FROM lint_suppressions');

  /** The story must exist; writes also need it out of the trash. */
  function requireStory(storyId: string, forWrite: boolean): void {
    const row = storyState.get(storyId) as { deleted_at: number | null } | undefined;
    if (!row) throw new AppError('not-found', 'That story no longer exists.');
    if (forWrite && row.deleted_at !== null) {
      throw new AppError('conflict', 'That story is in the trash: restore it to edit it.');
    }
  }

  function toRecord(row: ProbeNoteRow): ProbeNoteRecord {
    return {
      probeId: row.probe_id,
      note: row.notes,
      readiness: isProbeReadiness(row.readiness) ? row.readiness : null,
      updatedAt: row.updated_at,
    };
  }

  const saveNoteTx = db.transaction((storyId: string, probeId: string, input: ProbeNoteInput) => {
    requireStory(storyId, true);
    if (input.note.trim() === '' && input.readiness === null) {
      deleteNote.run(storyId, probeId);
      return null;
    }
    if (!hasNote.get(storyId, probeId) && (countNotes.get(storyId) as number) >= LIMITS.probeNotesPerStory) {
      throw new AppError('invalid-input', `A story keeps at most ${LIMITS.probeNotesPerStory} probe notes.`);
    }
    const stamp = now();
    upsertNote.run({ storyId, probeId, notes: input.note, readiness: input.readiness, now: stamp });
    return { probeId, note: input.note, readiness: input.readiness, updatedAt: stamp };
  });

  const dismissTx = db.transaction((storyId: string, kind: SuggestionKind, id: string) => {
    requireStory(storyId, true);
    if ((countDismissed.get(storyId) as number) >= LIMITS.dismissedPerStory) {
      throw new AppError('invalid-input', `A story keeps at most ${LIMITS.dismissedPerStory} dismissed suggestions.`);
    }
    insertDismissed.run({ storyId, kind, id, now: now() });
  });

  return {
    probeNotes(storyId) {
      requireStory(storyId, false);
      return (selectNotes.all(storyId) as ProbeNoteRow[]).map(toRecord);
    },
    saveProbeNote(storyId, probeId, input) {
      return saveNoteTx(storyId, probeId, input);
    },
    dismissed(storyId) {
      requireStory(storyId, false);
      const out: DismissedSuggestions = { principles: [], prompts: [] };
      for (const row of selectDismissed.all(storyId) as { kind: string; target_id: string }[]) {
        if (row.kind === 'principle') out.principles.push(row.target_id);
        else if (row.kind === 'prompt') out.prompts.push(row.target_id);
      }
      return out;
    },
    dismiss(storyId, kind, id) {
      dismissTx(storyId, kind, id);
    },
    restore(storyId, kind, id) {
      requireStory(storyId, true);
      deleteDismissed.run({ storyId, kind, id });
    },
    dismissalRecords(storyId) {
      return (selectDismissalRecords.all(storyId) as { kind: string; target_id: string; dismissed_at: number }[]).flatMap(
        (row): DismissalRecord[] => {
          if (row.kind === 'principle' && isPrincipleId(row.target_id)) {
            return [{ kind: 'principle', id: row.target_id, dismissedAt: row.dismissed_at }];
          }
          if (row.kind === 'prompt') return [{ kind: 'prompt', id: row.target_id, dismissedAt: row.dismissed_at }];
          return [];
        },
      );
    },
    replaceRecords(storyId, notes, dismissals) {
      deleteNotesOf.run(storyId);
      for (const n of notes) insertNoteRecord.run({ storyId, probeId: n.probeId, note: n.note, readiness: n.readiness, updatedAt: n.updatedAt });
      deleteDismissalsOf.run(storyId);
      for (const d of dismissals) insertDismissalRecord.run({ storyId, kind: d.kind, id: d.id, dismissedAt: d.dismissedAt });
    },
    coverageStories() {
      const texts = new Map<number, Record<SectionId, string>>();
      for (const row of selectTexts.all() as { story_seq: number; section: number; text: string }[]) {
        const sections = texts.get(row.story_seq) ?? sectionTexts(emptySections());
        const key = SECTION_IDS[row.section];
        if (key) sections[key] = row.text;
        texts.set(row.story_seq, sections);
      }
      const suppressions = new Map<string, Suppression[]>();
      for (const row of selectSuppressions.all() as { story_id: string; rule_id: string; section: string; fingerprint: string }[]) {
        if (!isSectionId(row.section)) continue;
        const list = suppressions.get(row.story_id) ?? [];
        list.push({ ruleId: row.rule_id, section: row.section, fingerprint: row.fingerprint });
        suppressions.set(row.story_id, list);
      }
      return (selectCoverage.all() as (CoverageRow & { seq: number })[]).map((row) => ({
        id: row.id,
        title: row.title,
        principles: JSON.parse(row.principles) as PrincipleMapping[],
        prompts: JSON.parse(row.prompts) as string[],
        score: null,
        level: row.level !== null && isLevel(row.level) ? row.level : null,
        texts: texts.get(row.seq) ?? sectionTexts(emptySections()),
        suppressions: suppressions.get(row.id) ?? [],
      }));
    },
  };
}
