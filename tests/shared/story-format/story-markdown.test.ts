import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../shared/domain/levels.ts';
import { PRINCIPLE_IDS, type PrincipleId } from '../../../shared/domain/principles.ts';
import { SECTION_IDS } from '../../../shared/domain/sections.ts';
import type { PrincipleMapping, StoryDraft } from '../../../shared/domain/story.ts';
import { blocksToEditorState, lexicalJsonToPlainText } from '../../../shared/story-format/lexical-json.ts';
import { parseStoryMarkdown, parseStoryMarkdownOrThrow, printStoryMarkdown, StoryFormatError } from '../../../shared/story-format/story-markdown.ts';
import { blocks } from './arbitraries.ts';

const STORY = `---
title: "Checkout: the holiday timeouts"
principles:
  - customer-obsession
  - dive-deep
secondary_principles: [ownership]
prompts: [hardest-bug]
level: senior
tags: [payments, performance]
context: Acme Retail
---

## SITUATION

In 2022 I was the backend lead for **checkout**.

## task
My job was to stop the timeouts.

## Action

- I pulled a week of logs
- I wrote the fix

## Result

Timeouts fell from 6% to *0.5%*.
`;

describe('story files', () => {
  it('parses front matter and case-insensitive headings; a missing section is empty', () => {
    const result = parseStoryMarkdown(STORY);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const s = result.story;
    expect(s.title).toBe('Checkout: the holiday timeouts');
    expect(s.principles).toEqual([
      { id: 'customer-obsession', role: 'primary' },
      { id: 'dive-deep', role: 'primary' },
      { id: 'ownership', role: 'secondary' },
    ]);
    expect(s.prompts).toEqual(['hardest-bug']);
    expect(s.level).toBe('Senior');
    expect(s.tags).toEqual(['payments', 'performance']);
    expect(s.context).toBe('Acme Retail');
    expect(s.sections.situation.text).toBe('In 2022 I was the backend lead for checkout.');
    expect(s.sections.action.text).toBe('I pulled a week of logs\n\nI wrote the fix');
    expect(s.sections.reflection).toEqual({ json: '', text: '' });
    expect(s.sections.action.text).toBe(lexicalJsonToPlainText(s.sections.action.json));
  });

  it('prints the canonical form, which parses back to the same story', () => {
    const story = parseStoryMarkdownOrThrow(STORY);
    const printed = printStoryMarkdown(story);
    expect(printed).toContain('## Situation\n\nIn 2022 I was the backend lead for **checkout**.');
    expect(printed).toContain('## Reflection\n');
    expect(parseStoryMarkdownOrThrow(printed)).toEqual(story);
    expect(printStoryMarkdown(parseStoryMarkdownOrThrow(printed))).toBe(printed);
  });

  it('reports problems with line numbers', () => {
    const bad = [
      '---', // 1
      'title: Outage', // 2
      'principles: [customer obsession, ownershp, ownership]', // 3
      'secondary_principles: [ownership]', // 4
      'level: Junior', // 5
      'tagz: [x]', // 6
      '---', // 7
      '# My story', // 8
      '## Situation', // 9
      'Text.', // 10
      '## Plot', // 11
      'More text.', // 12
      '## situation', // 13
    ].join('\n');
    const result = parseStoryMarkdown(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 3, message: '"customer obsession" is not a principle id; did you mean "customer-obsession"?' },
      { line: 3, message: '"ownershp" is not a principle id; did you mean "ownership"?' },
      { line: 4, message: 'principle "ownership" is already listed on line 3' },
      { line: 5, message: 'level "Junior" is not one of SDE1, SDE2, Senior, Principal, Manager' },
      { line: 6, message: 'unknown front matter field "tagz"; expected one of title, principles, secondary_principles, prompts, level, tags, context' },
      { line: 8, message: '"# My story" is not a section heading; use "## " and one of Situation, Task, Action, Result, Reflection (write "\\#" for a literal "#")' },
      { line: 11, message: 'unknown section "Plot"; the sections are Situation, Task, Action, Result, Reflection' },
      { line: 13, message: 'the Situation section appears twice (first on line 9)' },
    ]);
  });

  it('reports missing or unclosed front matter and bad YAML', () => {
    expect(parseStoryMarkdown('## Situation\nText')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(parseStoryMarkdown('---\ntitle: x\n## Situation\n')).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringContaining('never closed') }] });
    const yaml = parseStoryMarkdown('---\ntitle: x\nprinciples: [a, b\n---\n');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.problems[0]!.message).toMatch(/not valid YAML/);
    expect(() => parseStoryMarkdownOrThrow('nope')).toThrow(StoryFormatError);
    expect(() => parseStoryMarkdownOrThrow('nope')).toThrow(/line 1:/);
  });

  it('reports text before the first heading', () => {
    expect(parseStoryMarkdown('---\ntitle: x\n---\nstray text\n## Task\n')).toEqual({
      ok: false,
      problems: [{ line: 4, message: 'text before the first section heading; start with "## Situation"' }],
    });
  });

  it('round-trips any draft: parse(print(story)) equals story', () => {
    const body = blocks.map((b) => {
      if (b.length === 0) return { json: '', text: '' };
      const json = JSON.stringify(blocksToEditorState(b));
      return { json, text: lexicalJsonToPlainText(json) };
    });
    const safeText = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ':', '#', '-', '"', "'", 'é', '1', '[', ']'), maxLength: 30 }).map((s) => s.trim());
    const principles = fc.uniqueArray(fc.constantFrom(...PRINCIPLE_IDS), { maxLength: 4 }).chain((ids: PrincipleId[]) =>
      fc.tuple(...ids.map(() => fc.constantFrom<'primary' | 'secondary'>('primary', 'secondary'))).map((roles) => {
        const list: PrincipleMapping[] = ids.map((id, i) => ({ id, role: roles[i]! }));
        return [...list.filter((p) => p.role === 'primary'), ...list.filter((p) => p.role === 'secondary')];
      }),
    );
    const draft: fc.Arbitrary<StoryDraft> = fc.record({
      title: safeText,
      sections: fc.record(Object.fromEntries(SECTION_IDS.map((id) => [id, body])) as Record<(typeof SECTION_IDS)[number], typeof body>),
      principles,
      prompts: fc.uniqueArray(fc.constantFrom('p-1', 'hardest-bug', 'tight-deadline'), { maxLength: 2 }),
      level: fc.constantFrom(null, ...LEVELS),
      context: safeText,
      tags: fc.uniqueArray(safeText.filter((t) => t !== ''), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(draft, (story) => {
        const printed = printStoryMarkdown(story);
        const parsed = parseStoryMarkdown(printed);
        if (!parsed.ok) throw new Error(`${JSON.stringify(parsed.problems)}\n${printed}`);
        expect(parsed.story).toEqual(story);
        expect(printStoryMarkdown(parsed.story)).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });
});
