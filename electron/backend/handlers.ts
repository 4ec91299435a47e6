import { emptyDraft } from '../../shared/domain/story.ts';
import type { AppInfo, Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { StoriesRepository } from './stories-repository.ts';

export interface HandlerContext {
  stories: StoriesRepository;
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
    'stories.create': ({ title, principles }) => {
      writable();
      const draft = emptyDraft(title ?? '');
      draft.principles = (principles ?? []).map((id) => ({ id, role: 'primary' as const }));
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
    'app.info': () => ctx.info,
  };
}
