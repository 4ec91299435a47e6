import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, printBackup, type Backup } from '../../../shared/transfer/backup.ts';
import { fileKind, formatImportProblem, importFilesSchema, parseImportFiles } from '../../../shared/transfer/import-files.ts';
import { fileSlug, markdownFiles } from '../../../shared/transfer/markdown-files.ts';
import { printStoryMarkdown } from '../../../shared/story-format/story-markdown.ts';
import { SAMPLE_STORIES, sampleDraft } from '../../support/sample-stories.ts';

function backup(extra: Partial<Backup> = {}): Backup {
  const draft = sampleDraft(0);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2025-11-22T10:00:00.000Z',
    appVersion: '0.1.0',
    stories: [
      {
        id: 'aaaaaaaa-0000-4000-8000-000000000001',
        ...draft,
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_100_000,
        deletedAt: null,
        probeNotes: [{ probeId: 'customer-obsession.probe.how-measured', note: 'Per issuer.', readiness: 'ready', updatedAt: 1_700_000_050_000 }],
        suppressions: [{ ruleId: 'missing-metric', section: 'result', fingerprint: 'fp-1', reason: 'fine', createdAt: 1 }],
        dismissedSuggestions: [{ kind: 'principle', id: 'ownership', dismissedAt: 2 }],
        practiceRuns: [{ promptId: null, practicedAt: 3, sections: { situation: 20, task: 10, action: 80, result: 20, reflection: 10 }, totalSeconds: 140, rating: 4 }],
      },
    ],
    settings: { 'lint.pace': 140 },
    loops: [],
    ...extra,
  };
}

describe('telling files apart', () => {
  it('by content first, then by name', () => {
    expect(fileKind({ name: 'x.txt', content: '{"format":"story-bank-backup"}' })).toBe('backup');
    expect(fileKind({ name: 'x.json', content: '\uFEFF---\ntitle: a\n---' })).toBe('markdown');
    expect(fileKind({ name: 'notes.md', content: 'Just text.' })).toBe('markdown');
    expect(fileKind({ name: 'notes.txt', content: 'Just text.' })).toBeNull();
  });
});

describe('the JSON backup format', () => {
  it('reads back what it prints', () => {
    const result = parseBackup(printBackup(backup()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.backup).toEqual(backup());
  });

  it('refuses a backup from a newer format version, saying so', () => {
    const result = parseBackup(JSON.stringify({ ...backup(), version: 2 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/newer Story Bank \(backup format 2; this version reads format 1\)/);
  });

  it('names where a problem is', () => {
    const bad = backup();
    (bad.stories[0] as { title: unknown }).title = 42;
    (bad.stories[0]!.probeNotes[0] as { readiness: unknown }).readiness = 'maybe';
    const result = parseBackup(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['stories[0].title', 'stories[0].probeNotes[0].readiness']));
    }
  });

  it('refuses duplicate ids, unknown fields, bad settings and files that are not backups', () => {
    const twice = backup();
    twice.stories.push({ ...twice.stories[0]! });
    expect(parseBackup(JSON.stringify(twice))).toMatchObject({ ok: false, problems: [{ path: 'stories[1]', message: `story "${twice.stories[0]!.title}": Two stories have this id.` }] });
    expect(parseBackup(JSON.stringify({ ...backup(), extra: 1 }))).toMatchObject({ ok: false, problems: [{ message: 'unknown field "extra"' }] });
    expect(parseBackup(JSON.stringify(backup({ settings: { 'lint.pace': 5 } })))).toMatchObject({ ok: false, problems: [{ path: 'settings.lint.pace' }] });
    expect(parseBackup('{"hello": 1}')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not a Story Bank backup') }] });
    expect(parseBackup('{"format": "story-bank-backup", ')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not valid JSON') }] });
  });

  it('skips settings this version does not know, and says which', () => {
    const result = parseBackup(JSON.stringify(backup({ settings: { 'lint.pace': 140, 'future.setting': true } })));
    expect(result).toMatchObject({ ok: true, skippedSettings: ['future.setting'] });
    if (result.ok) expect(result.backup.settings).toEqual({ 'lint.pace': 140 });
  });
});

describe('parsing an import', () => {
  const md = SAMPLE_STORIES.map((s, i) => ({ name: `story-${i}.md`, content: s.markdown }));

  it('reads many Markdown stories', () => {
    const result = parseImportFiles(md);
    expect(result.ok).toBe(true);
    if (result.ok && result.parsed.kind === 'markdown') {
      expect(result.parsed.stories.map((s) => s.draft.title)).toEqual(SAMPLE_STORIES.map((_, i) => sampleDraft(i).title));
    }
  });

  it('refuses the whole import when one file is bad, naming the file, the line and the problem', () => {
    const broken = { name: 'broken.md', content: '---\ntitle: Broken\nprinciples: [ownrship]\n---\n\n## Situation\n\nText.\n' };
    const result = parseImportFiles([...md, broken]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(formatImportProblem(result.problems[0]!)).toBe('broken.md, line 3: "ownrship" is not a principle id; did you mean "ownership"?');
    }
  });

  it('takes a JSON backup only on its own', () => {
    const file = { name: 'backup.json', content: printBackup(backup()) };
    expect(parseImportFiles([file])).toMatchObject({ ok: true, parsed: { kind: 'backup', file: 'backup.json' } });
    expect(parseImportFiles([file, md[0]!])).toMatchObject({ ok: false, problems: [{ file: 'backup.json', message: expect.stringContaining('on its own') }] });
  });

  it('names a backup problem with its path', () => {
    const result = parseImportFiles([{ name: 'old.json', content: JSON.stringify({ ...backup(), version: 7 }) }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatImportProblem(result.problems[0]!)).toMatch(/^old\.json, at version: written by a newer Story Bank/);
  });

  it('limits what crosses the boundary', () => {
    expect(importFilesSchema.safeParse([]).success).toBe(false);
    expect(importFilesSchema.safeParse(Array.from({ length: 501 }, (_, i) => ({ name: `${i}.md`, content: '' }))).success).toBe(false);
    expect(importFilesSchema.safeParse([{ name: 'a.md', content: 'x'.repeat(40_000_001) }]).success).toBe(false);
    expect(importFilesSchema.safeParse(md).success).toBe(true);
  });
});

describe('Markdown export file names', () => {
  it('are readable slugs, unique within one export', () => {
    expect(fileSlug('Cut checkout timeouts (2023)!')).toBe('cut-checkout-timeouts-2023');
    expect(fileSlug('Résumé über Ärger')).toBe('resume-uber-arger');
    expect(fileSlug('   ')).toBe('untitled-story');
    expect(fileSlug('a'.repeat(100)).length).toBeLessThanOrEqual(60);
    const draft = sampleDraft(0);
    const files = markdownFiles([
      { id: 'one', draft },
      { id: 'two', draft },
      { id: 'three', draft: { ...draft, title: '../../etc/passwd' } },
    ]);
    expect(files.map((f) => f.name)).toEqual(['cut-checkout-timeouts-during-the-holiday-sale.md', 'cut-checkout-timeouts-during-the-holiday-sale-2.md', 'etc-passwd.md']);
    expect(files[0]!.content).toBe(printStoryMarkdown(draft));
  });
});

describe('an imported story passes the same schema as a save', () => {
  const good = sampleDraft(0);
  function mdFile(name: string, draft: typeof good) {
    return { name, content: printStoryMarkdown(draft) };
  }
  function problemsOf(files: Array<{ name: string; content: string }>): string[] {
    const result = parseImportFiles(files);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems.map(formatImportProblem);
  }

  it('refuses a 100,000-character title, naming the file, the story and the field, and nothing else is taken', () => {
    const problems = problemsOf([mdFile('fine.md', good), mdFile('notes.md', { ...good, title: 'T'.repeat(100_000) })]);
    expect(problems).toEqual([`notes.md: story "${'T'.repeat(59)}…": title: A title is at most 300 characters.`]);
  });

  it('refuses 5,000 tags, a 50,000-character context and prompt ids that are not ids', () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `tag-${i}`);
    expect(problemsOf([mdFile('tags.md', { ...good, tags })]).join('\n')).toContain(`tags.md: story "${good.title}": tags: A story has at most 30 tags.`);
    expect(problemsOf([mdFile('ctx.md', { ...good, context: 'c'.repeat(50_000) })]).join('\n')).toContain(
      `ctx.md: story "${good.title}": context: Company or context is at most 300 characters.`,
    );
    const bad = problemsOf([mdFile('prompts.md', { ...good, prompts: ['Not an id!'] })]).join('\n');
    expect(bad).toMatch(/^prompts\.md/);
    expect(bad).toMatch(/prompt/i);
    expect(problemsOf([mdFile('tag.md', { ...good, tags: ['x'.repeat(41)] })]).join('\n')).toContain('tags[0]: A tag is at most 40 characters.');
  });

  it('refuses a backup whose section is 20,000 levels deep, or holds a node the editor does not have', () => {
    const b = backup();
    const open = '{"type":"list","listType":"bullet","start":1,"tag":"ul","version":1,"children":[{"type":"listitem","value":1,"version":1,"children":[';
    const deep = `{"root":{"type":"root","version":1,"children":[${open.repeat(10_000)}${']}]}'.repeat(10_000)}]}}`;
    const story = b.stories[0]!;
    const withAction = (json: string) => printBackup({ ...b, stories: [{ ...story, sections: { ...story.sections, action: { json, text: 'x' } } }] });
    expect(problemsOf([{ name: 'deep.json', content: withAction(deep) }])[0]).toMatch(
      /^deep\.json, at stories\[0\]\.sections\.action\.json: story ".*": The section is nested more than 100 levels deep/,
    );
    const link = '{"root":{"type":"root","version":1,"children":[{"type":"paragraph","version":1,"children":[{"type":"link","url":"x","version":1,"children":[]}]}]}}';
    expect(problemsOf([{ name: 'link.json', content: withAction(link) }])[0]).toContain('holds a "link" node, which the editor does not have');
  });

  it('names the refused story of a backup by its title', () => {
    const b = backup();
    const content = printBackup({ ...b, stories: [{ ...b.stories[0]!, title: 'Big '.repeat(100) }] });
    const problems = problemsOf([{ name: 'bank.json', content }]);
    expect(problems[0]).toMatch(/^bank\.json, at stories\[0\]\.title: story "Big Big .*…": A title is at most 300 characters\.$/);
  });
});
