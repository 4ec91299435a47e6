import { randomUUID } from 'node:crypto';
import { emptyDraft } from '../../shared/domain/story.ts';
import type { AppInfo, Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { LoopsRepository } from './loops-repository.ts';
import type { MappingsRepository } from './mappings-repository.ts';
import type { PracticeRepository } from './practice-repository.ts';
import type { SamplesRepository } from './samples.ts';
import type { SettingsRepository } from './settings-repository.ts';
import type { StoriesRepository } from './stories-repository.ts';
import type { SuppressionsRepository } from './suppressions-repository.ts';
import { createTransferHandlers, type TransferService } from './transfer/transfer-handlers.ts';

export interface HandlerContext {
  stories: StoriesRepository;
  suppressions: SuppressionsRepository;
  mappings: MappingsRepository;
  settings: SettingsRepository;
  practice: PracticeRepository;
  loops: LoopsRepository;
  samples: SamplesRepository;
  /** Prep sheet, Markdown and JSON export, import. */
  transfer: TransferService;
  info: AppInfo;
}

/** The backend's implementation of every channel in the contract. Inputs arrive already validated. */
export function createHandlers(ctx: HandlerContext): Handlers {
  const writable = (): void => {
    if (ctx.info.readOnlyReason) throw new AppError('read-only', ctx.info.readOnlyReason);
  };
  return {
    'stories.list': (input) => ctx.stories.list(input),
    'stories.get': ({ id }) => ctx.stories.get(id),
    'stories.create': ({ title, principles, prompts }) => {
      writable();
      const draft = emptyDraft(title ?? '');
      draft.level = ctx.settings.get('stories.defaultLevel');
      draft.principles = [...new Set(principles ?? [])].map((id, index) => ({
        id,
        role: index === 0 ? ('primary' as const) : ('secondary' as const),
      }));
      draft.prompts = [...new Set(prompts ?? [])];
      return ctx.stories.create(draft);
    },
    'stories.save': ({ id, sessionId, draft }) => {
      writable();
      return { id, ...ctx.stories.save(id, sessionId, draft) };
    },
    'stories.rename': ({ id, title }) => {
      writable();
      return { id, ...ctx.stories.rename(id, title) };
    },
    'stories.duplicate': ({ id }) => {
      writable();
      return ctx.stories.duplicate(id);
    },
    'stories.trash': ({ id }) => {
      writable();
      ctx.stories.trash(id);
      return null;
    },
    'stories.restore': ({ id }) => {
      writable();
      ctx.stories.restore(id);
      return null;
    },
    'stories.deleteForever': ({ id }) => {
      writable();
      ctx.stories.deleteForever(id);
      return null;
    },
    'stories.emptyTrash': () => {
      writable();
      return { removed: ctx.stories.emptyTrash() };
    },
    'tags.list': () => ctx.stories.tags(),
    'lint.suppressions': ({ storyId }) => ctx.suppressions.list(storyId),
    'lint.suppress': ({ storyId, suppression }) => {
      writable();
      ctx.suppressions.add(storyId, suppression);
      return null;
    },
    'lint.unsuppress': ({ storyId, fingerprint }) => {
      writable();
      ctx.suppressions.remove(storyId, fingerprint);
      return null;
    },
    'probes.get': ({ storyId }) => ctx.mappings.probeNotes(storyId),
    'probes.save': ({ storyId, probeId, note, readiness }) => {
      writable();
      return ctx.mappings.saveProbeNote(storyId, probeId, { note, readiness });
    },
    'suggestions.dismissed': ({ storyId }) => ctx.mappings.dismissed(storyId),
    'suggestions.dismiss': ({ storyId, kind, id }) => {
      writable();
      ctx.mappings.dismiss(storyId, kind, id);
      return null;
    },
    'suggestions.restore': ({ storyId, kind, id }) => {
      writable();
      ctx.mappings.restore(storyId, kind, id);
      return null;
    },
    'coverage.stories': () => ctx.mappings.coverageStories(),
    'settings.get': ({ key }) => ctx.settings.get(key),
    'settings.set': ({ key, value }) => {
      writable();
      ctx.settings.set(key, value);
      return null;
    },
    'app.info': () => ctx.info,
    'stories.revisions': ({ id }) => ctx.stories.revisions(id),
    'stories.restoreRevision': ({ id, revisionId }) => {
      writable();
      const revision = ctx.stories.revisions(id).find((r) => r.id === revisionId);
      if (!revision) throw new AppError('not-found', 'That revision is no longer in the story’s history.');
      // Saved under a session of its own: the state being replaced becomes a revision, so the restore can be undone.
      ctx.stories.save(id, `restore-${randomUUID()}`, revision.draft);
      return ctx.stories.get(id);
    },
    'practice.log': (input) => {
      writable();
      return ctx.practice.log(input);
    },
    'practice.list': (filter) => ctx.practice.list(filter),
    'loops.list': () => ctx.loops.list(),
    'loops.get': ({ id }) => ctx.loops.get(id),
    'loops.create': (body) => {
      writable();
      return ctx.loops.create(body);
    },
    'loops.save': ({ id, ...body }) => {
      writable();
      return ctx.loops.save(id, body);
    },
    'loops.delete': ({ id }) => {
      writable();
      ctx.loops.remove(id);
      return null;
    },
    'practice.delete': ({ id }) => {
      writable();
      ctx.practice.remove(id);
      return null;
    },
    'samples.list': () => ctx.samples.state(),
    'samples.add': () => {
      writable();
      return ctx.samples.add();
    },
    'samples.remove': () => {
      writable();
      return ctx.samples.remove();
    },
    ...createTransferHandlers(ctx.transfer, ctx.info),
  };
}
