import { describe, expect, it } from 'vitest';
import {
  isProbeReadiness,
  probeNoteSchema,
  probesForStory,
  storyProbeReadiness,
  summarizeProbeReadiness,
  type ProbeReadiness,
} from '../../../shared/coverage/probes.ts';
import { loadAmazonFramework } from '../content/content-files.ts';
import { smallFramework } from './fixture.ts';

describe('probesForStory', () => {
  const framework = smallFramework();

  it('lists probes for primary principles first, then secondary, each in framework order, with notes', () => {
    const groups = probesForStory(
      {
        principles: [
          { id: 'c', role: 'secondary' },
          { id: 'd', role: 'primary' },
          { id: 'missing', role: 'primary' },
          { id: 'b', role: 'primary' },
        ],
      },
      framework,
      { 'd.probe.2': { readiness: 'ready', note: 'Have the numbers.' }, 'x.probe.1': { readiness: 'gap', note: '' } },
    );
    expect(groups.map((g) => [g.principleId, g.role])).toEqual([
      ['b', 'primary'],
      ['d', 'primary'],
      ['c', 'secondary'],
    ]);
    const d = groups[1];
    expect(d?.name).toBe('Principle D');
    expect(d?.probes.map((p) => [p.probe.id, p.readiness, p.note])).toEqual([
      ['d.probe.1', null, ''],
      ['d.probe.2', 'ready', 'Have the numbers.'],
      ['d.probe.3', null, ''],
    ]);
  });

  it('gives the weak and strong answers from the content', () => {
    const groups = probesForStory({ principles: [{ id: 'ownership', role: 'primary' }] }, loadAmazonFramework());
    expect(groups).toHaveLength(1);
    const first = groups[0]?.probes[0]?.probe;
    expect(first?.id).toBe('ownership.probe.why-you');
    expect(first?.weak.length).toBeGreaterThan(10);
    expect(first?.strong.length).toBeGreaterThan(10);
  });

  it('returns nothing for a story without principles', () => {
    expect(probesForStory({ principles: [] }, framework)).toEqual([]);
  });
});

describe('probe readiness', () => {
  const marks = (...list: Array<ProbeReadiness | null>) => list.map((readiness) => ({ readiness }));

  it('is ready only when every probe is ready', () => {
    expect(summarizeProbeReadiness(marks('ready', 'ready')).overall).toBe('ready');
    expect(summarizeProbeReadiness(marks('ready', 'ready', null)).overall).toBe('partial');
  });

  it('is a gap when nothing is prepared, including no probes at all', () => {
    expect(summarizeProbeReadiness(marks('gap', null, 'gap')).overall).toBe('gap');
    expect(summarizeProbeReadiness([]).overall).toBe('gap');
  });

  it('is partial otherwise, and counts each mark', () => {
    expect(summarizeProbeReadiness(marks('partial', 'gap', null, 'ready'))).toEqual({
      total: 4,
      ready: 1,
      partial: 1,
      gap: 1,
      unmarked: 1,
      overall: 'partial',
    });
  });

  it('summarizes every group of a story', () => {
    const groups = probesForStory(
      { principles: [{ id: 'a', role: 'primary' }, { id: 'b', role: 'secondary' }] },
      smallFramework(),
      Object.fromEntries(['a', 'b'].flatMap((p) => [1, 2, 3].map((i) => [`${p}.probe.${i}`, { readiness: 'ready' as const, note: '' }]))),
    );
    expect(storyProbeReadiness(groups)).toMatchObject({ total: 6, ready: 6, overall: 'ready' });
  });

  it('validates stored notes', () => {
    expect(isProbeReadiness('partial')).toBe(true);
    expect(isProbeReadiness('maybe')).toBe(false);
    expect(probeNoteSchema.safeParse({ readiness: 'gap', note: '' }).success).toBe(true);
    expect(probeNoteSchema.safeParse({ readiness: 'soon', note: '' }).success).toBe(false);
    expect(probeNoteSchema.safeParse({ readiness: 'gap', note: 'x'.repeat(4001) }).success).toBe(false);
  });
});
