import { z } from 'zod';
import type { Framework, Probe } from '../content/principle-schema.ts';
import type { PrincipleRole } from '../domain/story.ts';

/**
 * Follow-up probes for a story: for each principle the story serves, the questions an interviewer is likely to ask
 * next, with what weak and strong answers sound like, plus the user's own note and readiness mark per probe.
 */

/** How prepared the user is for a probe: 'ready' (has a strong answer), 'partial', or 'gap' (no answer yet). */
export const PROBE_READINESS = ['ready', 'partial', 'gap'] as const;
export type ProbeReadiness = (typeof PROBE_READINESS)[number];

export const probeReadinessSchema = z.enum(PROBE_READINESS);

/** For storing or sending a note: the readiness mark and a free-text note (at most 4,000 characters). */
export const probeNoteSchema = z.strictObject({
  readiness: probeReadinessSchema,
  note: z.string().max(4000, 'A probe note is longer than 4,000 characters.'),
});

export function isProbeReadiness(value: unknown): value is ProbeReadiness {
  return typeof value === 'string' && (PROBE_READINESS as readonly string[]).includes(value);
}

/** What the user recorded for one probe on one story. */
export interface ProbeNote {
  readiness: ProbeReadiness;
  note: string;
}

export interface StoryProbe {
  probe: Probe;
  /** The user's mark, or null when the probe has not been looked at yet. */
  readiness: ProbeReadiness | null;
  note: string;
}

export interface StoryProbeGroup {
  principleId: string;
  name: string;
  role: PrincipleRole;
  probes: StoryProbe[];
}

export interface ProbeReadinessSummary {
  total: number;
  ready: number;
  partial: number;
  gap: number;
  /** Probes without a mark. They count as gaps in `overall`. */
  unmarked: number;
  /**
   * 'ready' when every probe is marked ready; 'gap' when none is ready or partial (nothing prepared yet,
   * including a story with no probes); 'partial' otherwise.
   */
  overall: ProbeReadiness;
}

/**
 * The probes for a story's principles: primary principles first, then secondary, each in framework order.
 * Principles the framework does not have are skipped. `notes` is keyed by probe id.
 */
export function probesForStory(
  story: { principles: ReadonlyArray<{ id: string; role: PrincipleRole }> },
  framework: Framework,
  notes: Readonly<Record<string, ProbeNote | undefined>> = {},
): StoryProbeGroup[] {
  const roles = new Map<string, PrincipleRole>();
  for (const m of story.principles) if (roles.get(m.id) !== 'primary') roles.set(m.id, m.role);
  const groups: StoryProbeGroup[] = [];
  for (const wanted of ['primary', 'secondary'] as const) {
    for (const principle of framework.principles) {
      if (roles.get(principle.id) !== wanted) continue;
      groups.push({
        principleId: principle.id,
        name: principle.name,
        role: wanted,
        probes: principle.probes.map((probe) => {
          const n = notes[probe.id];
          return { probe, readiness: n?.readiness ?? null, note: n?.note ?? '' };
        }),
      });
    }
  }
  return groups;
}

export function summarizeProbeReadiness(items: ReadonlyArray<{ readiness: ProbeReadiness | null }>): ProbeReadinessSummary {
  let ready = 0;
  let partial = 0;
  let gap = 0;
  let unmarked = 0;
  for (const item of items) {
    if (item.readiness === 'ready') ready++;
    else if (item.readiness === 'partial') partial++;
    else if (item.readiness === 'gap') gap++;
    else unmarked++;
  }
  const total = items.length;
  const overall: ProbeReadiness =
    total > 0 && ready === total ? 'ready' : ready + partial === 0 ? 'gap' : 'partial';
  return { total, ready, partial, gap, unmarked, overall };
}

/** Summary over every probe of a story (all groups). */
export function storyProbeReadiness(groups: readonly StoryProbeGroup[]): ProbeReadinessSummary {
  return summarizeProbeReadiness(groups.flatMap((g) => g.probes));
}
