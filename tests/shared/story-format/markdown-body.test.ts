import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Inline, text } from '../../../shared/story-format/blocks.ts';
import { parseBody, printBody } from '../../../shared/story-format/markdown-body.ts';
import { blocks, inlines } from './arbitraries.ts';

/** The inlines of a body that reads as one paragraph (fails the test when it does not). */
function parseInline(source: string): Inline[] {
  const blocks = parseBody(source);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]?.kind).toBe('paragraph');
  return blocks[0]?.kind === 'paragraph' ? blocks[0].inlines : [];
}

const printInline = (inlines: Inline[]): string => printBody([{ kind: 'paragraph', inlines }]);
const item = (...inlines: Inline[]) => ({ inlines, children: [] });

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
    expect(parseInline('__bold never closed')).toEqual([text('__bold never closed')]);
  });

  it('escapes what would otherwise read as Markdown', () => {
    const tricky = [text('- not a bullet, 1. not a number, # not a heading, *not italic* _nor this_ \\ ok')];
    const printed = printInline(tricky);
    expect(printed).toBe('\\- not a bullet, 1. not a number, # not a heading, \\*not italic\\* \\_nor this\\_ \\ ok');
    expect(parseInline(printed)).toEqual(tricky);
    expect(printBody([{ kind: 'paragraph', inlines: [text('12. Twelfth')] }])).toBe('12\\. Twelfth');
    expect(parseBody('12\\. Twelfth')).toEqual([{ kind: 'paragraph', inlines: [text('12. Twelfth')] }]);
  });

  it('reads underscores as other editors write them: _italic_, __bold__, ___both___', () => {
    expect(parseInline('_italic_ and __bold__ and ___both___')).toEqual([
      text('italic', false, true),
      text(' and '),
      text('bold', true),
      text(' and '),
      text('both', true, true),
    ]);
    // Inside a word an underscore is a letter, as CommonMark has it.
    expect(parseInline('snake_case_name and 2_000_000')).toEqual([text('snake_case_name and 2_000_000')]);
    // Printed with stars, the canonical form.
    expect(printBody(parseBody('_italic_ and __bold__'))).toBe('*italic* and **bold**');
  });

  it('keeps literal stars and underscores literal when escaped, and prints them escaped', () => {
    expect(parseInline('\\*not italic\\* and \\_not italic\\_ and \\_\\_not bold\\_\\_')).toEqual([text('*not italic* and _not italic_ and __not bold__')]);
    const literal = [text('*a* _b_ **c** __d__ 2*3*4 x_y_z')];
    expect(parseInline(printInline(literal))).toEqual(literal);
  });

  it('nests emphasis both ways and with either mark', () => {
    const italicAroundBold = [text('a ', false, true), text('b', true, true), text(' c', false, true)];
    expect(parseInline('*a **b** c*')).toEqual(italicAroundBold);
    expect(parseInline('_a __b__ c_')).toEqual(italicAroundBold);
    expect(printInline(italicAroundBold)).toBe('*a **b** c*');
    const boldAroundItalic = [text('a ', true), text('b', true, true), text(' c', true)];
    expect(parseInline('**a *b* c**')).toEqual(boldAroundItalic);
    expect(parseInline('__a _b_ c__')).toEqual(boldAroundItalic);
    expect(parseInline(printInline(boldAroundItalic))).toEqual(boldAroundItalic);
  });

  it('reads "-", "*" and "+" bullets, and both kinds of numbered marker', () => {
    expect(parseBody('- dash\n* star\n+ plus')).toEqual([{ kind: 'list', ordered: false, start: 1, items: [item(text('dash')), item(text('star')), item(text('plus'))] }]);
    expect(parseBody('1) one\n2) two')).toEqual([{ kind: 'list', ordered: true, start: 1, items: [item(text('one')), item(text('two'))] }]);
    const numbered = parseBody('7. seventh\n8. eighth\n   - under eighth');
    expect(numbered).toEqual([
      {
        kind: 'list',
        ordered: true,
        start: 7,
        items: [item(text('seventh')), { inlines: [text('eighth')], children: [{ kind: 'list', ordered: false, start: 1, items: [item(text('under eighth'))] }] }],
      },
    ]);
    expect(printBody(numbered)).toBe('7. seventh\n8. eighth\n   - under eighth');
    expect(printBody(parseBody('* a\n+ b'))).toBe('- a\n- b');
  });

  it('keeps the rest of CommonMark as the text it was written as', () => {
    expect(parseBody('See [the doc](http://x.test) and `npm ci` and <b>this</b>.')).toEqual([
      { kind: 'paragraph', inlines: [text('See [the doc](http://x.test) and `npm ci` and <b>this</b>.')] },
    ]);
    const md = '> quoted\n\n---\n\n```\ncode\n```';
    expect(parseBody(md)).toEqual([
      { kind: 'paragraph', inlines: [text('> quoted')] },
      { kind: 'paragraph', inlines: [text('---')] },
      { kind: 'paragraph', inlines: [text('```'), { kind: 'break' }, text('code'), { kind: 'break' }, text('```')] },
    ]);
    expect(parseBody(printBody(parseBody(md)))).toEqual(parseBody(md));
  });

  it('keeps a hard break at the end of a paragraph or item, and a literal backslash there', () => {
    expect(parseBody('ends in a break\\')).toEqual([{ kind: 'paragraph', inlines: [text('ends in a break'), { kind: 'break' }] }]);
    expect(parseBody('ends in a backslash\\\\')).toEqual([{ kind: 'paragraph', inlines: [text('ends in a backslash\\')] }]);
    expect(parseBody('- item\\\n- next')).toEqual([{ kind: 'list', ordered: false, start: 1, items: [item(text('item'), { kind: 'break' }), item(text('next'))] }]);
  });

  it('round-trips inline runs', () => {
    fc.assert(
      fc.property(inlines, (value) => {
        expect(parseInline(printInline(value))).toEqual(value);
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
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '\\', '-', '1', '.', ')', '\n', '#', '+', '>', '`', '[', ']', 'b'), maxLength: 60 }), (source) => {
        const once = printBody(parseBody(source));
        expect(printBody(parseBody(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
