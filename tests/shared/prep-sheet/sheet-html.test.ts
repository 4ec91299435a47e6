import { describe, expect, it } from 'vitest';
import { findPrompt } from '../../../shared/content/load.ts';
import { principleName } from '../../../shared/domain/principles.ts';
import { SECTION_LABELS } from '../../../shared/domain/sections.ts';
import { emptyDraft } from '../../../shared/domain/story.ts';
import { formatDuration } from '../../../shared/domain/timing.ts';
import { fingerprintOf } from '../../../shared/lint/diagnostics.ts';
import {
  buildPrepSheet,
  escapeHtml,
  isPrepSheetHtml,
  prepareSheet,
  SHEET_CSP,
  type SheetStoryInput,
} from '../../../shared/prep-sheet/index.ts';
import { SAMPLE_STORIES, sampleDraft } from '../../support/sample-stories.ts';
import { XSS_PAYLOADS } from '../../support/xss-corpus.ts';
import { draftWith } from '../../support/drafts.ts';
import { framework, options, rubric, sampleSheetStories, sheetStory } from './fixture.ts';
import { visibleText } from '../../support/visible-text.ts';
import { RATING_LABELS } from '../../../shared/lint/verdict.ts';

const build = (stories: SheetStoryInput[], partial: Parameters<typeof options>[0] = {}) =>
  buildPrepSheet({ stories, framework, rubric, options: options(partial) });


/** The part of the document about one story (its card or page). */
function storyBlock(html: string, id: string): string {
  const start = html.lastIndexOf('<article', html.indexOf(`data-story-id="${id}"`));
  expect(start, `story ${id} is on the sheet`).toBeGreaterThan(-1);
  const end = html.indexOf('</article>', start);
  return html.slice(start, end);
}

const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'title', 'scope', 'start', 'data-story-id']);

const ALLOWED_TAGS = new Set(
  'html head meta title style body header main section article div span p h1 h2 h3 h4 small b strong em br ul ol li table thead tbody tfoot tr th td'.split(' '),
);

describe('the prep sheet document', () => {
  it('is one complete HTML document with its own print CSS, a script-free policy and nothing external', () => {
    const html = build(sampleSheetStories());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(isPrepSheetHtml(html)).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${SHEET_CSP}">`);
    expect(SHEET_CSP).toContain("default-src 'none'");
    expect(SHEET_CSP).not.toMatch(/script-src/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
    expect(html).toMatch(/@page \{\s*size: A4;/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    expect(html).toContain('break-inside: avoid');
    expect(html).toMatch(/orphans: 3; widows: 3/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('sets the paper size: A4 or US Letter', () => {
    expect(build(sampleSheetStories(), { paper: 'a4' })).toMatch(/size: A4;/);
    expect(build(sampleSheetStories(), { paper: 'letter' })).toMatch(/size: letter;/);
    expect(build(sampleSheetStories(), { paper: 'letter' })).not.toMatch(/size: A4;/);
  });

  it('names what it holds, the date and the pace in its heading', () => {
    const html = build(sampleSheetStories(), { scope: 'Ownership', pace: 130 });
    expect(html).toContain('<title>Interview prep sheet · Ownership</title>');
    expect(html).toContain('3 stories');
    expect(html).toContain('22 November 2025');
    expect(html).toContain('130 words a minute');
  });

  it('rejects HTML that does not start with the sheet policy', () => {
    expect(isPrepSheetHtml('<!DOCTYPE html><html><head><script>1</script>')).toBe(false);
    expect(isPrepSheetHtml(` ${build(sampleSheetStories())}`)).toBe(false);
  });
});

describe('the compact layout', () => {
  const stories = sampleSheetStories();
  const model = prepareSheet({ stories, framework, rubric, options: options() });
  const html = build(stories);

  it.each(SAMPLE_STORIES.map((s, i) => [i, s] as const))('shows every field of sample story %i on its card', (i, sample) => {
    const story = model.stories.find((s) => s.id === `story-sample-${i}`)!;
    const draft = sampleDraft(i);
    const card = storyBlock(html, `story-sample-${i}`);
    const text = visibleText(card);
    expect(card).toContain('class="card"');
    expect(text).toContain(draft.title);
    for (const p of draft.principles) expect(text).toContain(principleName(p.id));
    expect(card).toMatch(new RegExp(`principle primary" title="primary">● ${escapeHtml(principleName(draft.principles[0]!.id)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(text).toContain(draft.context);
    expect(text).toContain(draft.level!);
    for (const tag of draft.tags) expect(text).toContain(`#${tag}`);
    // One line per STAR section: its label and its first sentence.
    for (const section of story.sections) {
      expect(text).toContain(SECTION_LABELS[section.id]);
      expect(text).toContain(section.line);
    }
    expect(story.sections.find((s) => s.id === 'result')!.line).not.toBe(sample.metric);
    // The key metric: the Result sentence with a number, not its first sentence.
    expect(text).toContain(`Key metric ${sample.metric}`);
    expect(text).toContain(`${formatDuration(story.spokenSeconds)} spoken`);
    expect(text).toContain(`Score ${story.score}/100`);
  });

  it('groups cards under each story’s first primary principle, in framework order', () => {
    const headings = [...html.matchAll(/<h2 class="group-title">([^<]*)</g)].map((m) => m[1]!.trim());
    expect(headings).toEqual(['Customer Obsession', 'Ownership', 'Have Backbone; Disagree and Commit']);
  });

  it('says when a Result has no number, and when a section is empty', () => {
    const weak = draftWith('No numbers', { situation: 'We had a problem.', result: 'The team was happy with it.' }, { principles: [{ id: 'ownership', role: 'primary' }] });
    const card = visibleText(storyBlock(build([sheetStory('story-weak-1', weak)]), 'story-weak-1'));
    expect(card).toContain('No number in the Result yet');
    expect(card).toMatch(/Action Not written yet/);
  });

  it('shows an untitled story as "Untitled story", under a group for unmapped stories', () => {
    const html2 = build([sheetStory('story-untitled', emptyDraft(''))]);
    expect(visibleText(html2)).toContain('Untitled story');
    expect(html2).toContain('Not mapped to a principle yet');
  });
});

describe('the verdict on the sheet', () => {
  const story = sampleDraft(0);
  const input = [sheetStory('story-v', story)];
  const model = prepareSheet({ stories: input, framework, rubric, options: options({ layout: 'full' }) });
  const expected = model.groups.flatMap((g) => g.stories)[0]!.verdicts;

  it('puts each principle’s rating on the card, as the editor reads it', () => {
    const card = visibleText(storyBlock(build(input), 'story-v'));
    expect(expected.length).toBe(story.principles.length);
    for (const v of expected) expect(card).toContain(`${v.principleName}: ${RATING_LABELS[v.rating]}`);
  });

  it('gives the full page the reasons and what the next level needs', () => {
    const page = visibleText(storyBlock(build(input, { layout: 'full' }), 'story-v'));
    expect(page).toContain('How an interviewer would read it');
    for (const v of expected) {
      expect(page).toContain(`${v.principleName} at ${v.level}: ${RATING_LABELS[v.rating]}`);
      for (const r of v.reasons) expect(page).toContain(r.text.replace(/\s+/g, ' '));
      if (v.next) expect(page).toContain(v.next);
    }
  });

  it('escapes the story’s words quoted in a reason', () => {
    const hostile = draftWith('Hostile', { action: 'I wrote <img src=x onerror=alert(1)> the fix and I shipped it.', result: 'Errors fell by 40% <script>alert(2)</script> in a week.' }, { principles: [{ id: 'ownership', role: 'primary' }] });
    const html3 = build([sheetStory('story-h', hostile)], { layout: 'full' });
    expect(html3).not.toMatch(/<img|<script>alert/);
    expect(visibleText(html3)).toContain('<script>alert(2)</script>');
  });
});

describe('the full layout', () => {
  const stories = sampleSheetStories();
  const model = prepareSheet({ stories, framework, rubric, options: options({ layout: 'full' }) });
  const html = build(stories, { layout: 'full' });

  it('puts each story on its own page', () => {
    expect(html.match(/<article class="story-page"/g)).toHaveLength(3);
    expect(html).toMatch(/\.story-page \{ break-before: page;/);
  });

  it('prints the whole STAR text with its lists, bold and italic', () => {
    const page = storyBlock(html, 'story-sample-0');
    for (const label of Object.values(SECTION_LABELS)) expect(page).toContain(`<h3>${label}</h3>`);
    expect(page).toContain('<li>I traced the slow calls to a <strong>retry storm</strong> in our client library.</li>');
    expect(page).toContain('at <em>three times</em> the expected peak');
    const text = visibleText(page);
    for (const section of model.stories.find((s) => s.id === 'story-sample-0')!.sections) {
      for (const sentence of section.text.split('\n').filter(Boolean)) expect(text).toContain(sentence.trim());
    }
  });

  it('lists the prompts the story answers, the follow-up probes with prepared notes and marks, and the lint score', () => {
    const page = storyBlock(html, 'story-sample-0');
    const text = visibleText(page);
    const prompt = findPrompt(framework, 'customer-obsession.customer-feedback-changed-plan')!;
    expect(text).toContain(prompt.prompt.text);
    expect(text).toContain('Follow-up probes');
    const probes = framework.principles.find((p) => p.id === 'customer-obsession')!.probes;
    for (const probe of probes) expect(text).toContain(probe.question);
    expect(text).toContain('How did you know the customer was better off afterwards? Ready Gateway timeout rate per issuer, before and after.');
    expect(text).toContain('What were the actual numbers before and after? Gap');
    expect(text).toContain('Dive Deep (secondary)');
    const story = model.stories.find((s) => s.id === 'story-sample-0')!;
    expect(text).toContain(`Score ${story.score}/100`);
    expect(text).toMatch(/Open lint findings: |No open lint findings\./);
  });

  it('counts only findings that are not ignored', () => {
    const draft = draftWith('Short one', { result: 'It went well.' }, { principles: [{ id: 'ownership', role: 'primary' }] });
    const plain = prepareSheet({ stories: [sheetStory('story-short-1', draft)], framework, rubric, options: options() }).stories[0]!;
    const metric = rubric.rules.find((r) => r.id === 'missing-metric');
    expect(metric).toBeDefined();
    const fingerprint = fingerprintOf('missing-metric', 'result', { kind: 'section' });
    const withSuppression = prepareSheet({
      stories: [sheetStory('story-short-1', draft, { suppressions: [{ ruleId: 'missing-metric', section: 'result', fingerprint }] })],
      framework,
      rubric,
      options: options(),
    }).stories[0]!;
    const total = (s: typeof plain) => s.findings.errors + s.findings.warnings + s.findings.suggestions;
    expect(total(withSuppression)).toBe(total(plain) - 1);
    expect(withSuppression.score).toBeGreaterThan(plain.score);
  });
});

describe('the coverage page', () => {
  it('has principles × stories with primary and secondary marks, counts per principle, and the uncovered prompts', () => {
    const stories = sampleSheetStories();
    const html = build(stories);
    const page = html.slice(html.indexOf('<section class="coverage-page">'));
    expect(page.length).toBeGreaterThan(100);
    for (const p of framework.principles) expect(page).toContain(`<th class="rot" scope="col"><span>${escapeHtml(p.name)}</span></th>`);
    const row = (title: string) => {
      const at = page.indexOf(`<th scope="row" class="story-name">${title}</th>`);
      return page.slice(at, page.indexOf('</tr>', at));
    };
    const first = row('Cut checkout timeouts during the holiday sale');
    expect(first.match(/mark-cell primary">●/g)).toHaveLength(1);
    expect(first.match(/mark-cell secondary">○/g)).toHaveLength(1);
    expect(row('Rebuilt the CI pipeline nobody owned').match(/mark-cell secondary">○/g)).toHaveLength(2);
    const covered = new Set(['customer-obsession.customer-feedback-changed-plan', 'ownership.outside-your-scope', 'have-backbone-disagree-and-commit.disagreed-with-manager']);
    for (const p of framework.principles) {
      for (const q of p.prompts) {
        if (covered.has(q.id)) expect(page).not.toContain(`<li>${escapeHtml(q.text)}</li>`);
        else expect(page).toContain(`<li>${escapeHtml(q.text)}</li>`);
      }
    }
    const total = framework.principles.reduce((n, p) => n + p.prompts.length, 0);
    expect(page).toContain(`3 of ${total} prompts answered`);
  });

  it('is left out on request', () => {
    expect(build(sampleSheetStories(), { coverage: false })).not.toContain('<section class="coverage-page">');
    expect(build(sampleSheetStories(), { coverage: true })).toContain('<section class="coverage-page">');
  });
});

describe('user text on the sheet', () => {
  it('escapes every piece of user text: markup and script print as text', () => {
    for (const layout of ['compact', 'full'] as const) {
      const stories = XSS_PAYLOADS.map((payload, i) => {
        const draft = draftWith(
          payload.text,
          { situation: payload.text, task: payload.text, action: payload.text, result: `${payload.text} It cut errors by 40%.`, reflection: payload.text },
          { principles: [{ id: 'ownership', role: 'primary' }], context: payload.text.slice(0, 300), tags: [payload.text.slice(0, 40)] },
        );
        return sheetStory(`story-xss-${String(i).padStart(3, '0')}`, draft, {
          probeNotes: [{ probeId: 'ownership.probe.why-you', note: payload.text, readiness: 'partial', updatedAt: 1 }],
        });
      });
      const html = build(stories, { layout, scope: XSS_PAYLOADS[0]!.text });
      // Only the sheet's own elements, no event handler attributes, no script anywhere.
      const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
      for (const tag of tags) expect(ALLOWED_TAGS.has(tag), `unexpected <${tag}> in the ${layout} sheet`).toBe(true);
      // Every attribute of every element is one the sheet itself writes: no event handler, no URL.
      for (const [, , attrs] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
        for (const [, name] of attrs!.matchAll(/\s([a-zA-Z-]+)="[^"]*"/g)) expect(ALLOWED_ATTRIBUTES.has(name!.toLowerCase()), `attribute ${name}`).toBe(true);
        expect(attrs!.replace(/\s([a-zA-Z-]+)="[^"]*"/g, '').trim(), 'only quoted attributes').toBe('');
      }
      expect(html.match(/<style>/g)).toHaveLength(1);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      // And the reader sees the text as typed.
      const text = visibleText(html);
      for (const payload of XSS_PAYLOADS) {
        const printable = [...payload.text].filter((c) => c.charCodeAt(0) >= 32 || c === '\t' || c === '\n').join('');
        const shown = printable.replace(/\s+/g, ' ').trim();
        expect(text, payload.id).toContain(shown.slice(0, 40));
      }
    }
  });

  it('escapes the five HTML-special characters and drops control characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });
});
