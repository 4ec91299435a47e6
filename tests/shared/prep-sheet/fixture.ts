import { loadCompiledRubricSync } from '../../../electron/cli/rubric-files.ts';
import type { ProbeNoteRecord } from '../../../shared/domain/mappings.ts';
import type { StoryDraft } from '../../../shared/domain/story.ts';
import type { Suppression } from '../../../shared/lint/diagnostics.ts';
import type { PrepSheetOptions, SheetStoryInput } from '../../../shared/prep-sheet/index.ts';
import { loadAmazonFramework } from '../content/content-files.ts';
import { sampleDrafts } from '../../support/sample-stories.ts';

export const framework = loadAmazonFramework();
export const rubric = loadCompiledRubricSync();

/** A fixed date, so the sheet's heading is known. */
export const GENERATED_AT = new Date(2025, 10, 22, 9, 30);

export function options(partial: Partial<PrepSheetOptions> = {}): PrepSheetOptions {
  return { layout: 'compact', paper: 'a4', coverage: true, generatedAt: GENERATED_AT, ...partial };
}

export function sheetStory(
  id: string,
  draft: StoryDraft,
  extra: { probeNotes?: ProbeNoteRecord[]; suppressions?: Suppression[] } = {},
): SheetStoryInput {
  return { story: { ...draft, id }, probeNotes: extra.probeNotes ?? [], suppressions: extra.suppressions ?? [] };
}

/** The three sample stories, with ids story-sample-0.. and a prepared note on the first one. */
export function sampleSheetStories(): SheetStoryInput[] {
  return sampleDrafts().map((draft, i) =>
    sheetStory(`story-sample-${i}`, draft, {
      probeNotes:
        i === 0
          ? [
              { probeId: 'customer-obsession.probe.how-measured', note: 'Gateway timeout rate per issuer, before and after.', readiness: 'ready', updatedAt: 1 },
              { probeId: 'dive-deep.probe.numbers', note: '', readiness: 'gap', updatedAt: 2 },
            ]
          : [],
    }),
  );
}
