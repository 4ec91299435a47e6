import { describe, expect, it } from 'vitest';
import type { Loop } from '../../../shared/loop/loop.ts';
import { planStories } from '../../../shared/loop/plan-input.ts';
import { planLoop, RATING_LABELS, type PlanOptions } from '../../../shared/loop/solve.ts';
import { buildLoopSheet, isPrepSheetHtml, prepareLoopSheet, type SheetStoryInput } from '../../../shared/prep-sheet/index.ts';
import { draftWith } from '../../support/drafts.ts';
import { SAMPLE_STORIES } from '../../support/sample-stories.ts';
import { visibleText } from '../../support/visible-text.ts';
import { XSS_PAYLOADS } from '../../support/xss-corpus.ts';
import { framework, GENERATED_AT, rubric, sampleSheetStories, sheetStory } from './fixture.ts';

/** Three interviewers: one holding the first sample's two principles, one Ownership, one a principle no story has. */
function loop(patch: Partial<Loop> = {}): Loop {
  return {
    name: 'Onsite at Acme',
    date: '2027-01-14',
    level: 'Senior',
    framework: 'amazon-lp',
    interviewers: [
      { name: 'Hiring manager', principles: ['customer-obsession', 'dive-deep'], barRaiser: false, shareStories: true },
      { name: 'Peer engineer', principles: ['ownership'], barRaiser: false, shareStories: false },
      { name: 'Bar raiser', principles: ['think-big'], barRaiser: true, shareStories: false },
    ],
    ...patch,
  };
}

function sheetFor(theLoop: Loop, stories: SheetStoryInput[], planOptions: PlanOptions = {}) {
  const records = stories.map((s) => ({ ...s, story: { ...s.story, createdAt: 0, updatedAt: 0, deletedAt: null } }));
  const plan = planLoop(theLoop, planStories(records, framework, rubric, theLoop.level), planOptions);
  const input = { loop: theLoop, plan, stories, framework, rubric, options: { paper: 'a4' as const, generatedAt: GENERATED_AT } };
  return { plan, model: prepareLoopSheet(input), html: buildLoopSheet(input) };
}

/** The HTML of each interviewer's page, in order. */
function pages(html: string): string[] {
  return html.split('<section class="interviewer-page">').slice(1);
}

describe('the loop sheet', () => {
  it('starts as every sheet does, so the hosts print it', () => {
    expect(isPrepSheetHtml(sheetFor(loop(), sampleSheetStories()).html)).toBe(true);
  });

  it('puts the whole plan on the first page: every slot in the loop’s order with its story, verdict and backups', () => {
    const { plan, html } = sheetFor(loop(), sampleSheetStories());
    const first = html.slice(html.indexOf('<section class="grid-page">'), html.indexOf('<section class="interviewer-page">'));
    const rows = [...first.matchAll(/<tr class="[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => visibleText(m[1]!).trim());
    expect(rows).toHaveLength(plan.slots.length);
    plan.slots.forEach((slot, i) => {
      const name = framework.principles.find((p) => p.id === slot.principle)!.name;
      expect(rows[i]).toContain(name);
      if (slot.story) expect(rows[i]).toContain(`${slot.story.title} ${RATING_LABELS[slot.story.rating!]}`);
      else expect(rows[i]).toContain('No story yet');
    });
    // Think Big has no story in the sample bank: the grid says so and the warning says what to do.
    expect(plan.slots.find((s) => s.principle === 'think-big')!.story).toBeNull();
    const fixes = visibleText(first.slice(first.indexOf('What to fix')));
    for (const w of plan.warnings) expect(fixes).toContain(`${w.message} ${w.fix.label}.`);
    expect(plan.warnings.some((w) => w.kind === 'no-story' && w.principle === 'think-big')).toBe(true);
  });

  it('gives each interviewer a page: their principles, the story card with its key metric and spoken time, backups and probes', () => {
    const stories = sampleSheetStories();
    const { model, html } = sheetFor(loop(), stories);
    const [manager, peer, barRaiser] = pages(html).map(visibleText);
    expect(pages(html)).toHaveLength(3);
    expect(manager).toContain('Hiring manager');
    expect(manager).toContain('2 principles: Customer Obsession · Dive Deep');
    // Customer Obsession goes to the checkout story: its card, with the Result's number as the key metric.
    const checkout = model.interviewers[0]!.slots[0]!;
    expect(checkout.story!.title).toBe('Cut checkout timeouts during the holiday sale');
    expect(manager).toContain(`Key metric ${SAMPLE_STORIES[0]!.metric}`);
    expect(manager).toMatch(/\d+:\d\d spoken/);
    // The prepared note for a Customer Obsession probe is printed under it.
    const question = framework.principles.find((p) => p.id === 'customer-obsession')!.probes.find((p) => p.id === 'customer-obsession.probe.how-measured')!.question;
    expect(manager).toContain(`${question} Ready Gateway timeout rate per issuer, before and after.`);
    // Sharing is allowed for this interviewer and only the checkout story has Dive Deep: the same story, told once,
    // not a second card.
    const dive = model.interviewers[0]!.slots[1]!;
    expect(dive.story!.id).toBe(checkout.story!.id);
    expect(dive.sameStoryAs).toBe('Customer Obsession');
    expect(manager).toContain('The same story as for Customer Obsession');
    expect(pages(html)[0]!.match(/<article class="card"/g)).toHaveLength(1);
    expect(peer).toContain('Rebuilt the CI pipeline nobody owned');
    expect(barRaiser).toContain('Bar raiser');
    expect(barRaiser).toContain('No story for this principle yet');
    // The probes to expect are still listed for a slot with no story, so the user knows what is coming.
    const thinkBig = framework.principles.find((p) => p.id === 'think-big')!.probes;
    expect(thinkBig.length).toBeGreaterThan(0);
    for (const probe of thinkBig) expect(barRaiser).toContain(probe.question);
  });

  it('reads the stories at the loop’s level, as the planner does, not at each story’s own', () => {
    const stories = sampleSheetStories(); // the CI pipeline story names SDE2 itself
    for (const level of ['SDE1', 'Principal'] as const) {
      const { model, plan, html } = sheetFor(loop({ level }), stories);
      const slot = model.interviewers[1]!.slots[0]!;
      expect(slot.story!.verdicts.find((v) => v.principleId === 'ownership')!.level).toBe(level);
      // The rating printed is the plan's, and the story's own verdict at that level agrees with it.
      expect(slot.rating).toBe(plan.slots.find((s) => s.principle === 'ownership')!.story!.rating);
      expect(slot.story!.verdicts.find((v) => v.principleId === 'ownership')!.rating).toBe(slot.rating);
      expect(visibleText(html)).toContain(` ${level} · 3 interviewers`);
    }
  });

  it('lists backups under their slot and marks a pinned story', () => {
    const stories = [
      ...sampleSheetStories(),
      sheetStory('story-extra', draftWith('Owned the on-call rota', { result: 'Pages fell by 30%.' }, { principles: [{ id: 'ownership', role: 'primary' }] })),
    ];
    const { model, html } = sheetFor(loop(), stories, { pins: [{ interviewer: 1, principle: 'ownership', storyId: 'story-extra' }] });
    const slot = model.interviewers[1]!.slots[0]!;
    expect(slot.story!.id).toBe('story-extra');
    expect(slot.pinned).toBe(true);
    expect(slot.backups.map((b) => b.title)).toContain('Rebuilt the CI pipeline nobody owned');
    const peer = visibleText(pages(html)[1]!);
    expect(peer).toContain('pinned');
    expect(peer).toMatch(/Backups Rebuilt the CI pipeline nobody owned (Strong Hire|Hire|Lean Hire|Lean No Hire|No Hire)/);
  });

  it('escapes every piece of user text: loop, interviewer and story names, story text and notes', () => {
    for (const payload of XSS_PAYLOADS) {
      const text = payload.text.slice(0, 100).trim() || 'x';
      const theLoop = loop({ name: text, interviewers: [{ name: text, principles: ['ownership'], barRaiser: true, shareStories: false }] });
      const story = sheetStory(
        'story-xss',
        draftWith(text, { situation: text, task: text, action: `I ${text}`, result: `${text} It cut errors by 40%.`, reflection: text }, { principles: [{ id: 'ownership', role: 'primary' }] }),
        { probeNotes: [{ probeId: framework.principles.find((p) => p.id === 'ownership')!.probes[0]!.id, note: text, readiness: 'ready', updatedAt: 1 }] },
      );
      const { html } = sheetFor(theLoop, [story]);
      const body = html.slice(html.indexOf('</style>'));
      // Only the sheet's own elements and attributes: user markup arrives as text.
      const tags = new Set([...body.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
      for (const tag of tags) expect('body header h1 h2 h3 h4 p span small b main section table colgroup col thead tbody tr th td article div ol ul li'.split(' '), payload.id).toContain(tag);
      for (const [, name] of body.matchAll(/<[a-zA-Z][a-zA-Z0-9]*([^>]*)>/g)) {
        for (const [, attr] of name!.matchAll(/\s([a-zA-Z-]+)="[^"]*"/g)) expect(['class', 'scope', 'rowspan', 'data-story-id', 'title']).toContain(attr);
      }
    }
  });
});
