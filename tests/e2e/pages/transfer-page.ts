import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface FileToChoose {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The "Print, export and import" screen: the story chooser, the prep sheet, exports and imports. */
export class TransferPage {
  readonly page: Page;
  readonly openButton: Locator;
  readonly view: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly fileInput: Locator;
  readonly preview: Locator;
  readonly importButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.openButton = page.getByRole('button', { name: 'Print, export & import' });
    this.view = page.getByTestId('transfer-view');
    this.status = this.view.locator('.transfer-status');
    this.error = this.view.locator('.transfer-message.error');
    this.fileInput = page.getByLabel('Files to import');
    this.preview = page.getByTestId('import-preview');
    this.importButton = this.preview.getByRole('button', { name: /^(Import|Nothing to import)$/ });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.page.getByRole('heading', { name: 'Print, export and import', level: 1 })).toBeVisible();
  }

  async chooseFiles(files: FileToChoose[]): Promise<void> {
    await this.fileInput.setInputFiles(files);
    await expect(this.preview).toBeVisible();
  }

  /** The preview's rows: story title and what would happen to it. */
  async previewRows(): Promise<Array<{ story: string; what: string }>> {
    return this.preview.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        story: row.querySelector('th')?.textContent?.trim() ?? '',
        what: row.querySelector('td')?.textContent?.trim() ?? '',
      })),
    );
  }

  async chooseLayout(layout: 'compact' | 'full'): Promise<void> {
    await this.view.getByRole('radio', { name: layout === 'compact' ? /^Compact/ : /^Full/ }).check();
  }

  async choosePaper(paper: 'A4' | 'US Letter'): Promise<void> {
    await this.view.getByRole('radio', { name: paper, exact: true }).check();
  }

  /** Clicks a button that starts a download, and returns the download. */
  async download(button: string | RegExp): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.view.getByRole('button', { name: button }).click()]);
    return download;
  }
}
