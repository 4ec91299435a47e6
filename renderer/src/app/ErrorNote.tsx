import type { ReactNode } from 'react';

/** A failure the user should read at once, announced to screen readers; nothing when there is no message. */
export function ErrorNote({ message, className = 'panel-error' }: { message: string | null | undefined; className?: string }): ReactNode {
  return message ? (
    <p className={className} role="alert">
      {message}
    </p>
  ) : null;
}
