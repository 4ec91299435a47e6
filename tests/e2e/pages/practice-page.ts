import { expect, type Locator, type Page } from '@playwright/test';

/** The practice screen: question, story, the timed run, follow-ups, rating and the log. */
export class PracticePage {
  readonly page: Page;
  readonly tab: Locator;
  readonly prompt: Locator;
  readonly storySelect: Locator;
  readonly total: Locator;
  readonly stage: Locator;
  readonly probe: Locator;
  readonly result: Locator;
  readonly log: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('tab', { name: 'Practice' });
    this.prompt = page.getByTestId('practice-prompt');
    this.storySelect = page.getByLabel('Story to tell');
    this.total = page.getByTestId('practice-total').locator('.clock-value');
    this.stage = page.getByTestId('practice-stage');
    this.probe = page.getByTestId('practice-probe');
    this.result = page.getByTestId('practice-result');
    this.log = page.getByTestId('story-practice-log');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.page.getByRole('heading', { name: 'Practice', level: 1 })).toBeVisible();
  }

  section(id: string): Locator {
    return this.page.getByTestId(`practice-section-${id}`);
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the clock' }).click();
    await expect(this.stage).toBeVisible();
  }

  nextButton(): Locator {
    return this.stage.getByRole('button', { name: /^(Next: \w+|Finish) →$/ });
  }

  logRows(): Locator {
    return this.log.getByTestId('practice-run');
  }
}
