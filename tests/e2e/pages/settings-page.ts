import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings screen. */
export class SettingsPage {
  readonly page: Page;
  readonly pace: Locator;
  readonly rules: Locator;

  constructor(page: Page) {
    this.page = page;
    this.pace = page.getByLabel('Words per minute');
    this.rules = page.getByTestId('rules-table');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Story bank' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  }

  theme(label: 'Follow the system' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('radio', { name: label });
  }

  ruleSwitch(name: string): Locator {
    return this.rules.getByRole('switch', { name });
  }

  ruleSeverity(name: string): Locator {
    return this.rules.getByRole('combobox', { name: `Severity of ${name}` });
  }
}
