import { z } from 'zod';
import { LEVELS } from '../domain/levels.ts';
import { PRINCIPLE_IDS, type PrincipleId } from '../domain/principles.ts';
import { editorShapeProblem } from '../story-format/editor-shape.ts';

/** Size limits for everything that crosses the boundary. A limit breached is a clear 'invalid-input'. */
export const LIMITS = {
  idLength: 64,
  titleLength: 300,
  contextLength: 300,
  tagLength: 40,
  tags: 30,
  /** Lexical JSON of one section. Several megabytes of pasted text still fit; more is refused. */
  sectionJsonBytes: 8_000_000,
  sectionTextLength: 2_000_000,
  queryLength: 500,
  /** Prompt and probe ids ("ownership.outside-your-scope"). */
  contentIdLength: 120,
  /** Prompts one story can answer. */
  prompts: 40,
  /** Prepared notes for one follow-up probe. */
  probeNoteLength: 4000,
  /** Probe notes kept per story: more than every probe of every principle, so only abuse reaches it. */
  probeNotesPerStory: 200,
  /** Dismissed suggestions kept per story (every principle and prompt of a framework fit). */
  dismissedPerStory: 500,
} as const;

export const storyIdSchema = z
  .string()
  .min(8)
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'A story id holds only letters, digits, "-" and "_".');

/**
 * A prompt or probe id from content/principles: the principle id, a dot, then slugs joined by dots. Only the format
 * is checked here: which ids exist is the content's business (coverage reports ids the content no longer has).
 */
export const contentIdSchema = z
  .string()
  .max(LIMITS.contentIdLength, `A prompt or probe id is at most ${LIMITS.contentIdLength} characters.`)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/,
    'A prompt or probe id looks like "ownership.outside-your-scope".',
  );

/** @alias A prompt id is a content id (the name says which one a schema wants). */
export const promptIdSchema = contentIdSchema;
/** @alias A probe id is a content id. */
export const probeIdSchema = contentIdSchema;

/** The prompts a story answers: each id once, at most LIMITS.prompts. */
export const promptListSchema = z
  .array(promptIdSchema)
  .max(LIMITS.prompts, `A story answers at most ${LIMITS.prompts} prompts.`)
  .refine((list) => new Set(list).size === list.length, 'A prompt is listed twice.');

export const principleIdSchema = z.enum(PRINCIPLE_IDS as [PrincipleId, ...PrincipleId[]]);
export const levelSchema = z.enum(LEVELS);

/** '' (a section never edited) or a serialized editor state: an object whose root is a "root" node with children. */
export function isEditorStateJson(json: string): boolean {
  if (json === '') return true;
  try {
    const value = JSON.parse(json) as { root?: { type?: unknown; children?: unknown } } | null;
    return typeof value === 'object' && value !== null && value.root?.type === 'root' && Array.isArray(value.root.children);
  } catch {
    return false;
  }
}

export const sectionSchema = z.strictObject({
  json: z
    .string()
    .max(LIMITS.sectionJsonBytes, 'This section is too large to save (over 8 MB of editor data).')
    .refine(isEditorStateJson, 'This section’s editor data is damaged (not an editor state), so it was not saved.')
    .superRefine((json, ctx) => {
      if (json === '' || !isEditorStateJson(json)) return;
      const problem = editorShapeProblem((JSON.parse(json) as { root: unknown }).root);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  text: z.string().max(LIMITS.sectionTextLength, 'This section is too long to save (over 2 million characters).'),
});

export const sectionsSchema = z.strictObject({
  situation: sectionSchema,
  task: sectionSchema,
  action: sectionSchema,
  result: sectionSchema,
  reflection: sectionSchema,
});

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty.')
  .max(LIMITS.tagLength, `A tag is at most ${LIMITS.tagLength} characters.`);

export const principleMappingSchema = z.strictObject({
  id: principleIdSchema,
  role: z.enum(['primary', 'secondary']),
});

export const draftSchema = z.strictObject({
  title: z.string().max(LIMITS.titleLength, `A title is at most ${LIMITS.titleLength} characters.`),
  sections: sectionsSchema,
  principles: z
    .array(principleMappingSchema)
    .max(16)
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'A principle is listed twice.'),
  prompts: promptListSchema,
  level: levelSchema.nullable(),
  context: z.string().max(LIMITS.contextLength, `Company or context is at most ${LIMITS.contextLength} characters.`),
  tags: z.array(tagSchema).max(LIMITS.tags, `A story has at most ${LIMITS.tags} tags.`),
});

export const empty = z.strictObject({});
