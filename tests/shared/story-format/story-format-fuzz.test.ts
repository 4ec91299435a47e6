import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LexicalJsonError,
  lexicalJsonToMarkdown,
  lexicalJsonToPlainText,
  markdownToLexicalJson,
  parseStoryMarkdown,
  parseStoryMarkdownOrThrow,
  StoryFormatError,
} from '../../../shared/story-format/index.ts';

// Fuzzing the Markdown story format with arbitrary and near-valid files: the parser answers a result and never
// throws; the throwing variant throws only its own StoryFormatError with a message; the Lexical JSON converters
// throw only LexicalJsonError. Anything else (a TypeError, a RangeError, a hang) is a bug.

const RUNS = Number(process.env.STORY_BANK_FUZZ_RUNS ?? 300);

const VALID = `---
title: Flaky checkout retries
principles: [ownership]
level: Senior
tags: [oncall]
context: Acme Payments
---

## Situation

Our checkout service paged nightly.

## Task

Nobody owned the retry layer, so **I** did.

## Action

- traced the retries
- wrote a *backoff* patch

## Result

Pages dropped from nine a week to one.

## Reflection

I add alert budgets first now.
`;

/** Markdown-ish pieces, so generated files look like story files more often than random text does. */
const pieces = fc.constantFrom('---\n', 'title: ', 'principles: [', ']', 'ownership', '\n', '## ', 'Situation', 'Result', '- ', '* ', '**', '*', '_', '`', '[x](javascript:alert(1))', '<script>', '# ', '#', ':', '"', "'", '\t', '  ', '\r\n', '\\', '1. ', '> ', '\u0000', '\u202e', 'é', '🙂');
const storyish = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join('')),
  fc.tuple(fc.nat(VALID.length), fc.nat(VALID.length), fc.string({ maxLength: 30 })).map(([a, b, insert]) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    return VALID.slice(0, from) + insert + VALID.slice(to);
  }),
);

describe('fuzzing the Markdown story format', () => {
  it('parses the reference file', () => {
    expect(parseStoryMarkdown(VALID).ok).toBe(true);
  });

  it('parseStoryMarkdown answers a result for any text, and never throws', () => {
    fc.assert(
      fc.property(storyish, (source) => {
        const result = parseStoryMarkdown(source);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.message.trim().length).toBeGreaterThan(3);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parseStoryMarkdownOrThrow throws only StoryFormatError, with a message', () => {
    fc.assert(
      fc.property(storyish, (source) => {
        try {
          parseStoryMarkdownOrThrow(source);
        } catch (error) {
          expect(error).toBeInstanceOf(StoryFormatError);
          expect((error as Error).message.trim().length).toBeGreaterThan(3);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the Lexical JSON converters throw only LexicalJsonError on bad editor data', () => {
    const jsonish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue(),
      fc.constant(markdownToLexicalJson('Some **bold** text')).chain((json) =>
        fc.tuple(fc.nat(json.length), fc.string({ maxLength: 10 })).map(([at, insert]) => json.slice(0, at) + insert + json.slice(at + 1)),
      ),
    );
    fc.assert(
      fc.property(jsonish, (json) => {
        for (const convert of [lexicalJsonToMarkdown, lexicalJsonToPlainText]) {
          try {
            expect(typeof convert(json)).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(LexicalJsonError);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('markdownToLexicalJson turns any text into editor data the converters read back', () => {
    fc.assert(
      fc.property(storyish, (markdown) => {
        const json = markdownToLexicalJson(markdown);
        expect(typeof lexicalJsonToPlainText(json)).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});
