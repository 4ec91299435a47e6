import { expect, type Locator, type Page } from '@playwright/test';

export type SectionName = 'situation' | 'task' | 'action' | 'result' | 'reflection';

/** The main window: the story list on the left, the STAR editor on the right. */
export class StoryBankPage {
  readonly page: Page;
  readonly newStoryButton: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly title: Locator;
  readonly saveStatus: Locator;
  readonly emptyState: Locator;

  constructor(page: Page) {
    this.page = page;
    this.newStoryButton = page.getByRole('button', { name: 'New story' });
    this.search = page.getByRole('searchbox', { name: 'Search stories' });
    this.list = page.getByRole('list', { name: 'Stories', exact: true });
    this.title = page.locator('.title-input');
    this.saveStatus = page.getByTestId('save-status');
    this.emptyState = page.getByTestId('empty-state');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByText('Story Bank', { exact: true })).toBeVisible();
  }

  section(name: SectionName): Locator {
    return this.page.getByTestId(`section-${name}`);
  }

  async newStory(): Promise<void> {
    await this.newStoryButton.click();
    await expect(this.title).toBeFocused();
  }

  async typeInSection(name: SectionName, text: string): Promise<void> {
    await this.section(name).click();
    await this.page.keyboard.type(text);
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(/^Saved/, { timeout: 10_000 });
  }

  storyItem(title: string): Locator {
    return this.page.locator('.story-item').filter({ hasText: title });
  }

  async choosePrinciple(name: string): Promise<void> {
    await this.page.locator('.principle-picker summary').click();
    await this.page.getByRole('checkbox', { name }).check();
    await this.page.locator('.principle-picker summary').click();
  }

  async addTag(tag: string): Promise<void> {
    await this.page.getByLabel('Tags', { exact: true }).fill(tag);
    await this.page.getByLabel('Tags', { exact: true }).press('Enter');
  }

  trashTab(): Locator {
    return this.page.getByRole('tab', { name: 'Trash' });
  }

  storiesTab(): Locator {
    return this.page.getByRole('tab', { name: 'Stories' });
  }
}
