import { expect, type Locator, type Page } from '@playwright/test';

/** A story's history: revisions with scores, the score chart, the diff and restore. */
export class HistoryPage {
  readonly page: Page;
  readonly revisions: Locator;
  readonly chart: Locator;
  readonly diff: Locator;

  constructor(page: Page) {
    this.page = page;
    this.revisions = page.getByTestId('revision');
    this.chart = page.getByTestId('score-chart');
    this.diff = page.getByTestId('revision-diff');
  }

  async open(): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Story tools' }).getByRole('button', { name: 'History' }).click();
    await expect(this.page.getByRole('heading', { name: /^History of/, level: 1 })).toBeVisible();
  }

  /** Revisions newest first: the current state is the first. */
  revision(index: number): Locator {
    return this.revisions.nth(index);
  }

  diffSection(id: string): Locator {
    return this.page.getByTestId(`diff-${id}`);
  }

  /** One side of a section's diff: 0 the older version, 1 the newer. */
  diffSide(id: string, side: 0 | 1): Locator {
    return this.diffSection(id).locator('.diff-text').nth(side);
  }
}
