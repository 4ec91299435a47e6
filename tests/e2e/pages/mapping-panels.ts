import { expect, type Locator, type Page } from '@playwright/test';

/** The story editor's mapping parts: the prompt picker, the suggestions and the follow-up probes. */
export class MappingPanels {
  readonly page: Page;
  readonly chosenPrompts: Locator;
  readonly promptSearch: Locator;
  readonly suggestions: Locator;
  readonly probes: Locator;

  constructor(page: Page) {
    this.page = page;
    this.chosenPrompts = page.getByRole('list', { name: 'Chosen prompts' });
    this.promptSearch = page.getByRole('searchbox', { name: 'Search all prompts' });
    this.suggestions = page.getByTestId('suggestions');
    this.probes = page.getByTestId('probes');
  }

  async openPromptPicker(): Promise<void> {
    const picker = this.page.locator('details.prompt-picker');
    if ((await picker.getAttribute('open')) === null) await picker.locator('summary').click();
  }

  async choosePrompt(text: string, search?: string): Promise<void> {
    await this.openPromptPicker();
    await this.promptSearch.fill(search ?? '');
    await this.page.getByRole('checkbox', { name: text }).check();
    await expect(this.chosenPrompts).toContainText(text);
  }

  principleChips(): Locator {
    return this.page.getByRole('list', { name: 'Chosen principles' });
  }

  suggestedPrinciple(name: string): Locator {
    return this.suggestions.getByRole('list', { name: 'Suggested principles' }).getByRole('listitem').filter({ hasText: name });
  }

  probe(probeId: string): Locator {
    return this.probes.locator(`[data-probe-id="${probeId}"]`);
  }
}
