import { describe, expect, it } from 'vitest';
import { planStories, ratingFromScore } from '../../../shared/loop/plan-input.ts';
import { framework, rubric } from '../prep-sheet/fixture.ts';
import { sampleDraft } from '../../support/sample-stories.ts';

describe('stories as the planner sees them', () => {
  it('rates through the score bands, strongest first', () => {
    expect([100, 92, 91, 85, 84, 65, 64, 50, 10].map(ratingFromScore)).toEqual([
      'strong-hire', 'strong-hire', 'hire', 'hire', 'lean-hire', 'lean-hire', 'lean-no-hire', 'lean-no-hire', 'no-hire',
    ]);
  });

  it('keeps each mapping with its role and counts only prepared notes for its own principles’ probes', () => {
    const draft = sampleDraft(0); // Customer Obsession, secondary Dive Deep
    const probe = (principle: string) => framework.principles.find((p) => p.id === principle)!.probes;
    const notes = [
      { probeId: probe('customer-obsession')[0]!.id, note: 'The issuer numbers.', readiness: 'ready' as const, updatedAt: 1 },
      { probeId: probe('dive-deep')[1]!.id, note: '   ', readiness: null, updatedAt: 2 }, // blank: not prepared
      { probeId: probe('frugality')[0]!.id, note: 'Not this story’s principle.', readiness: null, updatedAt: 3 },
    ];
    const [story] = planStories([{ story: { ...draft, id: 'story-1', createdAt: 0, updatedAt: 0, deletedAt: null }, probeNotes: notes, suppressions: [] }], framework, rubric);
    expect(story!.fits.map((f) => [f.principle, f.role])).toEqual([['customer-obsession', 'primary'], ['dive-deep', 'secondary']]);
    expect(story!.probes).toEqual({ total: probe('customer-obsession').length + probe('dive-deep').length, prepared: 1 });
    expect(new Set(story!.fits.map((f) => f.rating)).size).toBe(1);
  });
});
