import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../../shared/security/paste-html.ts';
import { XSS_PAYLOADS } from '../../support/xss-corpus.ts';

/** Every tag left in the output, as written. */
const tags = (html: string): string[] => html.match(/<\/?[a-z][^>]*>/gi) ?? [];

describe('cleaning pasted HTML', () => {
  it('keeps structure and text, drops every attribute', () => {
    expect(cleanPastedHtml('<p class="x" style="color:red">Hello <b>bold</b> and <em>it</em></p><ul><li>one</li></ul>')).toBe(
      '<p>Hello <b>bold</b> and <em>it</em></p><ul><li>one</li></ul>',
    );
  });

  it('drops code and embedded documents with their content, and unknown tags but not their text', () => {
    expect(cleanPastedHtml('a<script>alert(1)</script>b<style>p{}</style>c<iframe srcdoc="x"></iframe>d')).toBe('abcd');
    expect(cleanPastedHtml('<a href="javascript:x">link text</a><img src=x onerror=alert(1)>')).toBe('link text');
    expect(cleanPastedHtml('<!-- comment --><!doctype html>text')).toBe('text');
  });

  it('finds the end of a dropped element whatever the case, and keeps the text after it', () => {
    expect(cleanPastedHtml('a<SCRIPT>x</ScRiPt>b<Style>p{}</STYLE>c')).toBe('abc');
    // "İ" lower-cases to two characters: an end found in a lower-cased copy would land past the real one.
    expect(cleanPastedHtml(`<p>one</p><script>${'İ'.repeat(40)}</script><p>kept</p>`)).toBe('<p>one</p><p>kept</p>');
    // Many dropped elements in one paste: each end is searched from where the element starts.
    const many = '<p>start</p>' + '<script>s</script>t'.repeat(20_000);
    expect(cleanPastedHtml(many)).toBe('<p>start</p>' + 't'.repeat(20_000));
  });

  it('understands Google Docs bold and italic', () => {
    expect(cleanPastedHtml('<b style="font-weight:normal;" id="docs-internal-guid-1"><span style="font-weight:700">B</span><span style="font-style:italic">I</span></b>')).toBe(
      '<span><b>B</b><i>I</i></span>',
    );
  });

  it.each(XSS_PAYLOADS.map((p) => [p.id, p.text] as const))('leaves no attribute nor dangerous element from %s', (_id, text) => {
    const cleaned = cleanPastedHtml(text);
    for (const tag of tags(cleaned)) expect(tag).toMatch(/^<\/?(p|br|b|strong|i|em|ul|ol|li|div|span|h[1-6]|blockquote|pre)>$/);
  });

  it('never lets an attribute through, whatever the input', () => {
    const pieces = fc.constantFrom('<', '>', '/', '"', "'", '=', ' ', 'p', 'b', 'img', 'onerror', 'style', 'script', 'svg', '!--', '-->', 'x', '\n', '`');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const cleaned = cleanPastedHtml(parts.join(''));
        const parsedTags = tags(cleaned);
        return parsedTags.every((tag) => /^<\/?(p|br|b|strong|i|em|ul|ol|li|div|span|h[1-6]|blockquote|pre)>$/.test(tag));
      }),
      { numRuns: 2000 },
    );
  });
});
