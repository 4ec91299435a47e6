import type { Locator, Page } from '@playwright/test';

/** The rubric panel beside the editor, and the highlights painted over the text. */
export class LintPanelPage {
  readonly page: Page;
  readonly panel: Locator;
  readonly score: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('complementary', { name: 'Rubric' });
    this.score = page.getByTestId('lint-score');
  }

  finding(ruleId: string): Locator {
    return this.panel.locator(`.finding[data-rule="${ruleId}"]`);
  }

  /** The text under each highlight of one severity, as painted by the CSS Custom Highlight API. */
  highlighted(severity: 'error' | 'warning' | 'suggestion' | 'positive'): Promise<string[]> {
    return this.page.evaluate((name) => {
      const highlight = CSS.highlights.get(name);
      return highlight ? Array.from(highlight as unknown as Iterable<Range>, (range) => range.toString()) : [];
    }, `lint-${severity}`);
  }

  /** Every highlight painted over one section's text, as "severity: text", in document order. */
  highlightedIn(section: string): Promise<string[]> {
    return this.page.evaluate((id) => {
      const root = document.querySelector(`[data-testid="section-${id}"]`);
      const found: { range: Range; label: string }[] = [];
      for (const severity of ['error', 'warning', 'suggestion', 'positive']) {
        const highlight = CSS.highlights.get(`lint-${severity}`);
        if (!highlight) continue;
        for (const range of highlight as unknown as Iterable<Range>) {
          if (root?.contains(range.startContainer)) found.push({ range, label: `${severity}: ${range.toString()}` });
        }
      }
      found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range) || a.label.localeCompare(b.label));
      return found.map((f) => f.label);
    }, section);
  }
}
