import { expect, type Locator, type Page } from '@playwright/test';

/** The Coverage view: readiness figures, targets, warnings, the principles-by-stories matrix and the prompts. */
export class CoveragePage {
  readonly page: Page;
  readonly tab: Locator;
  readonly heading: Locator;
  readonly matrix: Locator;
  readonly uncoveredCount: Locator;
  readonly warnings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('tab', { name: 'Coverage' });
    this.heading = page.getByRole('heading', { name: 'Coverage', level: 1 });
    this.matrix = page.getByTestId('coverage-matrix');
    this.uncoveredCount = page.getByTestId('uncovered-count');
    this.warnings = page.getByTestId('coverage-warning');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.heading).toBeVisible();
    await expect(this.matrix).toBeVisible();
  }

  /** The matrix row of a principle, by id. */
  row(principleId: string): Locator {
    return this.matrix.locator(`tr[data-principle-id="${principleId}"]`);
  }

  /** The count cell of a principle: its number of stories and, when thin, "No story" or "Only one". */
  count(principleId: string): Locator {
    return this.page.getByTestId(`count-${principleId}`);
  }

  /** The mark for one story and principle; `role` is what the mark must say. */
  mark(storyTitle: string, role: 'primary' | 'secondary', principleName: string): Locator {
    return this.matrix.getByRole('button', { name: `${storyTitle}: ${role} for ${principleName}. Open the story.` });
  }

  storyColumn(storyTitle: string): Locator {
    return this.matrix.getByRole('columnheader', { name: storyTitle });
  }

  figure(name: 'principles' | 'prompts' | 'gaps' | 'score'): Locator {
    return this.page.getByTestId(`figure-${name}`);
  }

  /** How many prompts have no story, read from the "N of M prompts have no story yet." line. */
  async uncoveredPrompts(): Promise<{ uncovered: number; total: number }> {
    const text = (await this.uncoveredCount.textContent()) ?? '';
    const match = /(\d+) of (\d+)/.exec(text);
    if (!match) throw new Error(`Unexpected text: ${text}`);
    return { uncovered: Number(match[1]), total: Number(match[2]) };
  }

  promptRow(promptId: string): Locator {
    return this.page.locator(`.prompt-row[data-prompt-id="${promptId}"]`);
  }

  startStoryButton(promptText: string): Locator {
    return this.page.getByRole('button', { name: `Start a story for: ${promptText}` });
  }

  async setTargets(values: { stories?: number; prompts?: number; maxPrinciples?: number }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Coverage targets' });
    if (!(await form.isVisible())) await this.page.locator('details.targets > summary').click();
    if (values.stories !== undefined) await form.getByLabel('Stories per principle').fill(String(values.stories));
    if (values.prompts !== undefined) await form.getByLabel('Answered prompts per principle').fill(String(values.prompts));
    if (values.maxPrinciples !== undefined) {
      await form.getByLabel('Most principles for one story').fill(String(values.maxPrinciples));
    }
    await form.getByRole('button', { name: 'Save targets' }).click();
    await expect(this.page.locator('.targets-status')).toHaveText('Saved');
  }
}
