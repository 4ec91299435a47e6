import { expect, test } from './fixtures.ts';
import { CoveragePage } from './pages/coverage-page.ts';
import { MappingPanels } from './pages/mapping-panels.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

const PRODUCTION_ISSUE = 'Tell me about a time you took charge of a production issue or outage.';
const CUT_COSTS = 'Tell me about a time you reduced costs significantly.';
const DIFFICULT_CUSTOMER = 'Tell me about a time you dealt with a difficult or unhappy customer.';
const OUTAGE_ACTION =
  'Without being asked, I joined the incident channel, paged the owner and read the logs. A config change had ' +
  'exhausted the connection pool, so I rolled back the change within an hour and wrote a runbook.';

test('mapping two stories changes the matrix and the gaps; an uncovered prompt starts a pre-mapped story', async ({
  page,
  shell,
}) => {
  const app = new StoryBankPage(page);
  const mapping = new MappingPanels(page);
  const coverage = new CoveragePage(page);
  await app.open(shell.url);

  // An empty bank: every principle has no story, every prompt is uncovered, no score yet.
  await coverage.open();
  await expect(coverage.count('ownership')).toHaveText(/^0\s*No story$/);
  await expect(coverage.count('frugality')).toHaveText(/^0\s*No story$/);
  const start = await coverage.uncoveredPrompts();
  expect(start.total).toBeGreaterThan(90);
  expect(start.uncovered).toBe(start.total);
  await expect(coverage.figure('score')).toContainText('Not available yet');
  await expect(coverage.figure('principles')).toContainText('0 / 16');

  // Story 1: Ownership (primary) and the production-issue prompt; Bias for Action accepted from the suggestions.
  await app.newStory();
  await app.title.fill('Checkout outage');
  await app.choosePrinciple('Ownership');
  await mapping.choosePrompt(PRODUCTION_ISSUE);
  await app.typeInSection('action', OUTAGE_ACTION);
  const bias = mapping.suggestedPrinciple('Bias for Action');
  await expect(bias).toBeVisible();
  await expect(bias.locator('.suggestion-why')).toContainText('Mentions');
  await bias.getByRole('button', { name: 'Accept principle Bias for Action' }).click();
  await expect(mapping.principleChips()).toContainText('Bias for Action');
  await expect(page.getByLabel('Role of Bias for Action')).toHaveValue('secondary');
  await expect(bias).toHaveCount(0);
  const diveDeep = mapping.suggestedPrinciple('Dive Deep');
  await expect(diveDeep).toBeVisible();
  await diveDeep.getByRole('button', { name: 'Dismiss principle Dive Deep' }).click();
  await expect(diveDeep).toHaveCount(0);
  await expect(mapping.suggestions.getByText('Dismissed (1)')).toBeVisible();
  await app.waitSaved();

  await coverage.open();
  // With a story in the bank, its lint score (same rubric as the editor) feeds the average.
  await expect(coverage.figure('score')).toContainText(/\d+/);
  await expect(coverage.figure('score')).not.toContainText('Not available yet');
  await expect(coverage.count('ownership')).toHaveText(/^1\s*Only one$/);
  await expect(coverage.count('bias-for-action')).toHaveText(/^1\s*Only one$/);
  await expect(coverage.count('frugality')).toHaveText(/^0\s*No story$/);
  await expect(coverage.mark('Checkout outage', 'primary', 'Ownership')).toBeVisible();
  await expect(coverage.mark('Checkout outage', 'secondary', 'Bias for Action')).toBeVisible();
  await expect(coverage.row('frugality').getByRole('button')).toHaveCount(0);
  await expect(coverage.promptRow('ownership.production-issue')).toHaveClass(/covered/);
  await expect(coverage.promptRow('ownership.production-issue')).toContainText('Checkout outage');
  expect((await coverage.uncoveredPrompts()).uncovered).toBe(start.total - 1);

  // Story 2: Frugality (primary) and Ownership (secondary), a prompt found by searching all prompts.
  await app.newStory();
  await app.title.fill('Cloud bill');
  await app.choosePrinciple('Frugality');
  await app.choosePrinciple('Ownership');
  await mapping.choosePrompt(CUT_COSTS, 'reduced costs');
  await app.waitSaved();

  await coverage.open();
  // Frugality leaves the "no story" state; Ownership reaches the target of two stories.
  await expect(coverage.count('frugality')).toHaveText(/^1\s*Only one$/);
  await expect(coverage.count('ownership')).toHaveText(/^2\s*✓\s*Enough stories$/);
  await expect(coverage.mark('Cloud bill', 'primary', 'Frugality')).toBeVisible();
  await expect(coverage.mark('Cloud bill', 'secondary', 'Ownership')).toBeVisible();
  await expect(coverage.promptRow('frugality.cut-costs')).toHaveClass(/covered/);
  await expect(coverage.promptRow('frugality.cut-costs')).toContainText('Cloud bill');
  expect((await coverage.uncoveredPrompts()).uncovered).toBe(start.total - 2);
  await expect(coverage.figure('principles')).toContainText('3 / 16');
  await expect(coverage.warnings).toHaveCount(0);

  // Targets are settings: at most one principle per story flags both stories.
  await coverage.setTargets({ maxPrinciples: 1 });
  await expect(coverage.warnings).toHaveCount(2);
  await expect(coverage.warnings.first()).toContainText('more than 1');
  await page.screenshot({ path: 'test-results/screenshots/coverage.png' });
  await page.locator('.prompt-coverage-groups').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/coverage-prompts.png' });

  // A cell opens its story.
  await coverage.open();
  await coverage.mark('Cloud bill', 'primary', 'Frugality').click();
  await expect(app.title).toHaveValue('Cloud bill');
  await expect(mapping.chosenPrompts).toContainText(CUT_COSTS);

  // An uncovered prompt starts a new story, already mapped to its principle and prompt.
  await coverage.open();
  await expect(coverage.count('customer-obsession')).toHaveText(/^0\s*No story$/);
  await coverage.startStoryButton(DIFFICULT_CUSTOMER).click();
  await expect(app.title).toBeFocused();
  await expect(app.title).toHaveValue('');
  await expect(mapping.principleChips()).toContainText('Customer Obsession');
  await expect(page.getByLabel('Role of Customer Obsession')).toHaveValue('primary');
  await expect(mapping.chosenPrompts).toContainText(DIFFICULT_CUSTOMER);

  await coverage.open();
  await expect(coverage.count('customer-obsession')).toHaveText(/^1\s*Only one$/);
  await expect(coverage.promptRow('customer-obsession.difficult-customer')).toContainText('Untitled story');
  expect((await coverage.uncoveredPrompts()).uncovered).toBe(start.total - 3);
  // The targets were kept.
  await expect(coverage.warnings).toHaveCount(2);
});

test('probe notes, readiness marks and dismissed suggestions are kept across a reload', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  const mapping = new MappingPanels(page);
  await app.open(shell.url);
  await app.newStory();
  await app.title.fill('Probe prep');
  await expect(mapping.probes).toContainText('Map the story to a principle');
  await app.choosePrinciple('Ownership');

  const probe = mapping.probe('ownership.probe.why-you');
  await expect(probe).toContainText('Why did you take this on');
  await expect(probe).toContainText('A weak answer');
  await expect(probe).toContainText('A strong answer');
  const notes = probe.getByRole('textbox', { name: /Your prepared answer/ });
  // A prepared answer is read like an Action: "we" and hedges in it are pointed out, and go when it is fixed.
  await notes.fill('We kind of thought it was urgent, so we just fixed it and we told them later.');
  const answerFindings = probe.getByRole('list', { name: 'About this answer' });
  await expect(answerFindings.locator('[data-rule="hedging"]')).toContainText('“kind of”');
  await expect(answerFindings.locator('[data-rule="we-overuse"]')).toBeVisible();
  await probe.screenshot({ path: 'test-results/screenshots/probe-answer-lint.png' });
  await notes.fill('The owning team was at an offsite; I paged their lead before touching anything.');
  await expect(answerFindings).toHaveCount(0);
  await probe.locator('label.option-ready').click();
  await expect(probe.getByRole('radio', { name: 'Ready' })).toBeChecked();
  await expect(probe.locator('.probe-save')).toHaveText('Saved');
  await expect(page.getByTestId('probe-summary')).toContainText('1 ready');

  const other = mapping.probe('ownership.probe.what-did-you-drop');
  await other.locator('label.option-gap').click();
  await expect(other.locator('.probe-save')).toHaveText('Saved');

  await app.typeInSection('action', OUTAGE_ACTION);
  const bias = mapping.suggestedPrinciple('Bias for Action');
  await bias.getByRole('button', { name: 'Dismiss principle Bias for Action' }).click();
  await expect(bias).toHaveCount(0);
  await app.waitSaved();

  await page.reload();
  await app.storyItem('Probe prep').getByRole('button').first().click();
  await expect(app.title).toHaveValue('Probe prep');
  await expect(probe.getByRole('textbox', { name: /Your prepared answer/ })).toHaveValue(/paged their lead/);
  await expect(probe.getByRole('radio', { name: 'Ready' })).toBeChecked();
  await expect(other.getByRole('radio', { name: 'Gap' })).toBeChecked();
  await expect(page.getByTestId('probe-summary')).toContainText('1 ready · 0 partial · 1 gap');

  // The dismissed suggestion stays away until asked back.
  await expect(mapping.suggestedPrinciple('Dive Deep')).toBeVisible();
  await expect(bias).toHaveCount(0);
  await mapping.suggestions.getByText('Dismissed (1)').click();
  await mapping.suggestions.getByRole('button', { name: 'Suggest Bias for Action again' }).click();
  await expect(bias).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/story-mapping.png' });
});
