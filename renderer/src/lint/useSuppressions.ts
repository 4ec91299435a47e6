import { useCallback, useEffect, useState } from 'react';
import type { Diagnostic, Suppression } from '../../../shared/lint/index.ts';
import { call } from '../api/client.ts';

/**
 * A story's ignored findings: read when the story opens, and changed by Ignore (with the user's reason) and
 * Un-ignore. The list changes only once the backend has stored the change.
 */
export function useSuppressions(storyId: string): {
  suppressions: Suppression[];
  ignore(diagnostic: Diagnostic, reason: string): void;
  unignore(suppression: Suppression): void;
} {
  const [suppressions, setSuppressions] = useState<Suppression[]>([]);
  useEffect(() => {
    call('lint.suppressions', { storyId }).then(setSuppressions, () => setSuppressions([]));
  }, [storyId]);
  const ignore = useCallback(
    (diagnostic: Diagnostic, reason: string) => {
      const suppression: Suppression = {
        ruleId: diagnostic.ruleId,
        section: diagnostic.section,
        fingerprint: diagnostic.fingerprint,
        ...(reason ? { reason } : {}),
      };
      call('lint.suppress', { storyId, suppression }).then(
        () => setSuppressions((list) => [...list.filter((s) => s.fingerprint !== suppression.fingerprint), suppression]),
        () => undefined,
      );
    },
    [storyId],
  );
  const unignore = useCallback(
    (suppression: Suppression) => {
      call('lint.unsuppress', { storyId, fingerprint: suppression.fingerprint }).then(
        () => setSuppressions((list) => list.filter((s) => s.fingerprint !== suppression.fingerprint)),
        () => undefined,
      );
    },
    [storyId],
  );
  return { suppressions, ignore, unignore };
}
