import type { Locator, Page } from '@playwright/test';

/** The recovery screen shown when the story database cannot be used. */
export class RecoveryPage {
  readonly page: Page;
  readonly screen: Locator;
  readonly heading: Locator;
  readonly moveAside: Locator;
  readonly restoreNewest: Locator;
  readonly startFresh: Locator;
  readonly confirmFresh: Locator;

  constructor(page: Page) {
    this.page = page;
    this.screen = page.getByTestId('recovery-screen');
    this.heading = this.screen.getByRole('heading', { level: 1 });
    this.moveAside = page.getByRole('button', { name: 'Move the file aside' });
    this.restoreNewest = page.getByRole('button', { name: 'Restore the newest backup' });
    this.startFresh = page.getByRole('button', { name: 'Start fresh…' });
    this.confirmFresh = page.getByRole('button', { name: 'Yes, start an empty bank' });
  }

  backupChoices(): Locator {
    return this.page.getByRole('list', { name: 'Backups you can restore' }).getByRole('listitem');
  }
}

/** The Backups screen, reached from the sidebar's Backups tab. */
export class BackupsPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly view: Locator;
  readonly backUpNow: Locator;
  readonly rows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('tab', { name: 'Backups' });
    this.view = page.getByTestId('backups-view');
    this.backUpNow = page.getByRole('button', { name: 'Back up now' });
    this.rows = page.getByTestId('backup-row');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await this.view.waitFor();
  }

  async restoreRow(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Restore…' }).click();
    await row.getByRole('button', { name: 'Restore', exact: true }).click();
  }
}
