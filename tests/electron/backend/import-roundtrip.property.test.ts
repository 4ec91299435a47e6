import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../../shared/domain/sections.ts';
import { draftOf, type Story, type StoryDraft } from '../../../shared/domain/story.ts';
import { buildPrepSheet } from '../../../shared/prep-sheet/index.ts';
import { lexicalJsonToPlainText, markdownToLexicalJson, printStoryMarkdown } from '../../../shared/story-format/index.ts';
import { printBody } from '../../../shared/story-format/markdown-body.ts';
import { parseBackup } from '../../../shared/transfer/backup.ts';
import type { ImportOutcome, ImportPreview } from '../../../shared/transfer/import-files.ts';
import { blocks } from '../../shared/story-format/arbitraries.ts';
import { framework, options, rubric, sheetStory } from '../../shared/prep-sheet/fixture.ts';
import { callOk, openTestBackend } from '../../support/backend.ts';
import { sampleDraft } from '../../support/sample-stories.ts';
import { visibleText } from '../../support/visible-text.ts';

// Issue 17 §3: any story the importer accepts can be saved again, exported as Markdown, as JSON and on the prep
// sheet (its HTML, and a few times the PDF Chromium prints of it), and imported back, with the same text. The stories are generated Markdown
// files: formatted bodies, odd titles, tags and contexts near the limits, and files that are edited by hand.

const RUNS = Number(process.env.STORY_BANK_FUZZ_RUNS ?? 40);

// Whole characters (Array.from, not split): files reach the importer decoded from UTF-8, which never yields half
// of a surrogate pair.
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from('abcXYZ 019-_.,:;!?"\'#*`é故🙂')), minLength: min, maxLength: max });

const generatedFile = fc
  .record({
    title: text(0, 320),
    context: text(0, 320),
    tags: fc.array(text(0, 45), { maxLength: 33 }),
    level: fc.constantFrom('SDE1', 'SDE2', 'Senior', 'Principal', 'Manager', 'Wizard'),
    bodies: fc.tuple(blocks, blocks, blocks, blocks, blocks),
    prompts: fc.constantFrom<string[][]>([], ['customer-obsession.customer-feedback-changed-plan'], ['Not an id!']),
  })
  .map((g) => {
    const base = sampleDraft(0);
    const sections = Object.fromEntries(
      SECTION_IDS.map((id, i) => {
        const json = markdownToLexicalJson(printBody(g.bodies[i]!));
        return [id, { json, text: lexicalJsonToPlainText(json) }];
      }),
    ) as StoryDraft['sections'];
    // printStoryMarkdown writes any value; whether the importer takes it is what the property is about.
    const draft = { ...base, title: g.title, context: g.context, tags: g.tags, level: g.level, prompts: g.prompts, sections } as unknown as StoryDraft;
    return printStoryMarkdown(draft);
  });


const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const sectionTexts = (story: StoryDraft) => SECTION_IDS.map((id) => lexicalJsonToPlainText(story.sections[id].json));

describe('an accepted import survives saving, every export and a second import', () => {
  it('keeps the same text all the way round', { timeout: 240_000 }, async () => {
    const backend = await openTestBackend();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(generatedFile, async (content) => {
        const files = [{ name: 'story.md', content }];
        const preview = await callOk<ImportPreview>(backend, 'transfer.previewImport', { files });
        if (preview.problems.length > 0) return; // refused, with its reasons: nothing to follow
        accepted += 1;
        const outcome = await callOk<ImportOutcome>(backend, 'transfer.applyImport', { files });
        const id = outcome.storyIds[0] ?? preview.items[0]!.existing!.id;
        const stored = await callOk<Story>(backend, 'stories.get', { id });
        const texts = sectionTexts(stored);

        // The editor's autosave takes it as it is (the bug: an import the save schema refused, edits then lost).
        await callOk(backend, 'stories.save', { id, sessionId: 'property-session', draft: draftOf(stored) });

        // Markdown: imported back, it is the same story.
        const { files: exported } = await callOk<{ files: Array<{ name: string; content: string }> }>(backend, 'transfer.exportMarkdown', { ids: [id] });
        const again = await callOk<ImportPreview>(backend, 'transfer.previewImport', { files: exported.map((f) => ({ name: f.name, content: f.content })) });
        expect(again.problems).toEqual([]);
        // A titled story is found again by its title and nothing differs; an untitled one has nothing to be
        // matched by, so it would come in as a new story.
        expect(again.items.map((item) => item.action)).toEqual([stored.title.trim() ? 'unchanged' : 'add']);

        // JSON: the backup holds the same text, and parses.
        const backup = await callOk<{ content: string }>(backend, 'transfer.exportBackup', {});
        const parsed = parseBackup(backup.content);
        expect(parsed.ok).toBe(true);
        const inBackup = parsed.ok ? parsed.backup.stories.find((s) => s.id === id) : undefined;
        expect(inBackup && sectionTexts(inBackup)).toEqual(texts);
        expect(inBackup?.title).toBe(stored.title);

        // The prep sheet (what is printed to PDF) shows every word of every section, and the title.
        const seen = visibleText(buildPrepSheet({ stories: [sheetStory(id, stored)], framework, rubric, options: options({ layout: 'full' }) }));
        for (const word of words(texts.join(' '))) expect(seen).toContain(word);
        for (const word of words(stored.title)) expect(seen).toContain(word);
      }),
      { numRuns: RUNS },
    );
    // The generator must reach the interesting path often enough to mean something.
    expect(accepted).toBeGreaterThan(RUNS / 4);
  });

  // The PDF itself, a few times (each print starts a Chromium): every word of the sections and the title is in the
  // text pdftotext reads back. Whitespace is left out of the comparison, since a long word may wrap across lines.
  // This machine has no CJK font, so Chromium prints no glyph (and no text) for 故; it is left out here only.
  const canRead = spawnSync('pdftotext', ['-v']).status === 0;
  // Opt-in (STORY_BANK_PDF_RUNS=4): under two CPU hogs on CI a headless print here ran past 240 s once; not yet understood.
  it.skipIf(!canRead || !process.env.STORY_BANK_PDF_RUNS)('prints a PDF with the same text', { timeout: 240_000 }, async () => {
    const backend = await openTestBackend();
    const squeeze = (s: string) => s.replace(/\s+/g, '').replaceAll('故', '');
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(generatedFile, async (content) => {
        const files = [{ name: 'story.md', content }];
        const preview = await callOk<ImportPreview>(backend, 'transfer.previewImport', { files });
        if (preview.problems.length > 0) return;
        const outcome = await callOk<ImportOutcome>(backend, 'transfer.applyImport', { files });
        const id = outcome.storyIds[0] ?? preview.items[0]!.existing!.id;
        const stored = await callOk<Story>(backend, 'stories.get', { id });
        const html = buildPrepSheet({ stories: [sheetStory(id, stored)], framework, rubric, options: options({ layout: 'full' }) });
        const { pdfBase64 } = await callOk<{ pdfBase64: string }>(backend, 'prepSheet.pdf', { html, paper: 'a4' });
        const read = spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(pdfBase64, 'base64'), encoding: 'utf8' });
        expect(read.status).toBe(0);
        const seen = squeeze(read.stdout);
        for (const word of words([...sectionTexts(stored), stored.title].join(' '))) expect(seen).toContain(squeeze(word));
        printed += 1;
      }),
      { numRuns: Number(process.env.STORY_BANK_PDF_RUNS ?? 4) },
    );
    expect(printed).toBeGreaterThan(0);
  });
});
