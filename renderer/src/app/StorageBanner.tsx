import { type ReactNode, useEffect, useState } from 'react';
import { type StorageAlert, subscribeStorageAlerts } from '../api/storage-alerts.ts';

const HEADINGS: Record<string, string> = {
  'storage-full': 'The disk is full',
  'read-only': 'Story Bank cannot write to its database',
  'storage-failed': 'Saving failed',
};

/** A banner over the window while saving is impossible; it goes away by itself once a save succeeds again. */
export function StorageBanner(): ReactNode {
  const [alert, setAlert] = useState<StorageAlert | null>(null);
  useEffect(() => subscribeStorageAlerts(setAlert), []);
  if (!alert) return null;
  return (
    <div className="banner storage-banner" role="alert" data-testid="storage-banner">
      <strong>{HEADINGS[alert.code] ?? 'Saving failed'}.</strong> {alert.message}
    </div>
  );
}
