import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBody, parseInline, printBody, printInline } from '../../../shared/story-format/markdown-body.ts';
import { text } from '../../../shared/story-format/blocks.ts';
import { blocks, inlines } from './arbitraries.ts';

describe('section body Markdown', () => {
  it('reads paragraphs, bullets, numbers, bold, italic and breaks', () => {
    const md = 'First **bold** and *italic* and ***both***.\nSame paragraph.\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n\nBreak\\\nhere';
    expect(parseBody(md)).toEqual([
      { kind: 'paragraph', inlines: [text('First '), text('bold', true), text(' and '), text('italic', false, true), text(' and '), text('both', true, true), text('. Same paragraph.')] },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          { inlines: [text('one')], children: [] },
          { inlines: [text('two')], children: [{ kind: 'list', ordered: false, start: 1, items: [{ inlines: [text('nested')], children: [] }] }] },
        ],
      },
      { kind: 'list', ordered: true, start: 3, items: [{ inlines: [text('three')], children: [] }, { inlines: [text('four')], children: [] }] },
      { kind: 'paragraph', inlines: [text('Break'), { kind: 'break' }, text('here')] },
    ]);
  });

  it('keeps unmatched stars and escaped characters literal', () => {
    expect(parseInline('5 * 3 and a \\*star\\* and C:\\\\temp')).toEqual([text('5 * 3 and a *star* and C:\\temp')]);
    expect(parseInline('**bold never closed')).toEqual([text('**bold never closed')]);
  });

  it('escapes what would otherwise read as Markdown', () => {
    const tricky = [text('- not a bullet, 1. not a number, # not a heading, *not italic* \\ ok')];
    const printed = printInline(tricky);
    expect(printed).toBe('\\- not a bullet, 1. not a number, # not a heading, \\*not italic\\* \\\\ ok');
    expect(parseInline(printed)).toEqual(tricky);
    expect(printBody([{ kind: 'paragraph', inlines: [text('12. Twelfth')] }])).toBe('12\\. Twelfth');
  });

  it('round-trips inline runs', () => {
    fc.assert(
      fc.property(inlines, (value) => {
        expect(parseInline(printInline(value).replace(/\\\n/g, '\n'))).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips whole bodies: parse(print(blocks)) equals blocks', () => {
    fc.assert(
      fc.property(blocks, (value) => {
        const md = printBody(value);
        expect(parseBody(md)).toEqual(value);
        expect(printBody(parseBody(md))).toBe(md);
      }),
      { numRuns: 400 },
    );
  });

  it('printing is stable for any input: print(parse(print(parse(x)))) equals print(parse(x))', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '*', '\\', '-', '1', '.', '\n', '#', '+', 'b'), maxLength: 60 }), (source) => {
        const once = printBody(parseBody(source));
        expect(printBody(parseBody(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
