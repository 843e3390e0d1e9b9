import { describeWithChromium } from '../support/chromium';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_PANELS } from '../../gateway/dashboard/dashboard';
import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { testToken } from '../support/tokens';
import { launchChromium, openDashboard, readPanels, watchPage, type PageActivity, type PanelView } from './browser';

const world = generatedWorld(40);
const listed = world.dtks.length + world.regsosek.length + world.p3ke.length;

/** What a reader sees of the index: the header line and each panel's state and notice. */
async function indexView(page: Page) {
  const panels = await readPanels(page);
  return {
    header: await page.locator('#index-info').textContent(),
    panels: panels.map(({ panel, state, notice, chart }: PanelView) => ({ panel, state, notice, drawn: chart !== null })),
  };
}

/** Waits (no fixed sleep) until the page, refreshing by itself, shows `text` in its header. */
async function headerShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => (globalThis as any).document.getElementById('index-info').textContent.includes(expected), text);
}

const everyPanel = (state: string, notice: string | null, drawn = false) => DASHBOARD_PANELS.map(({ id }) => ({ panel: id, state, notice, drawn }));

// These tests follow one resolution run from before it starts to its end, in order: each writes
// the run's next state into the index store the test owns, and the open page follows it.
describeWithChromium('the dashboard while a resolution run fills the index', () => {
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  let activity: PageActivity;
  let runId: number;

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE });
    browser = await launchChromium();
    page = await browser.newPage({ timezoneId: 'Asia/Jakarta' });
    activity = watchPage(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when no run has started, then every panel says the index is not current and how to fill it', async () => {
    await openDashboard(page, new URL(system.gatewayUrl).origin, await testToken('analyst'));

    const notice = 'No counts are shown: the resolution index is not current. Run `npm run resolve` to bring it up to date.';
    expect(await indexView(page)).toEqual({
      header:
        'The resolution index has never been filled. It is not current for this gateway (missing, unfinished, or resolved with another rule set or evaluation date).',
      panels: everyPanel('stale', notice),
    });
  });

  it('when the run has not stored a page for long, then the page says where it stopped, in Indonesian format, and how to resume it', async () => {
    const longAgo = '2026-11-28T01:00:00.000Z';
    const run = await system.index.startRun({ ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: longAgo, cursors: '{}', familiesTotal: 5042 });
    runId = run.id;
    await system.index.saveProgress(runId, { cursors: '{}', familiesDone: 2150, familiesTotal: 5042, progressAt: longAgo });

    await page.reload();
    const shown = await indexView(page);

    const notice = `Resolution run ${runId} stopped at 2.150 of 5.042 register records (42,6%), last progress 28 Nov 2026, 08.00.00. Run \`npm run resolve\` to resume it.`;
    expect(shown).toEqual({ header: notice, panels: everyPanel('filling', notice) });
  });

  it('when the run stores pages again, then the open page, refreshing by itself, shows its progress', async () => {
    await system.index.saveProgress(runId, { cursors: '{}', familiesDone: 4321, familiesTotal: 5042, progressAt: new Date().toISOString() });
    await headerShows(page, '4.321');

    const notice = `Filling the resolution index (run ${runId}): 4.321 of 5.042 register records (85,7%). The charts appear when it finishes.`;
    expect(await indexView(page)).toEqual({ header: notice, panels: everyPanel('filling', notice) });
  });

  it('when the run finishes, then the page draws every chart by itself, and the run recorded every listed family as done', async () => {
    const summary = await system.resolve();
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-panel][data-state="ready"]').length === 3);

    const shown = await indexView(page);
    const run = (await system.index.runs()).at(-1);

    expect({
      resumed: summary.resumed,
      header: shown.header,
      panels: shown.panels,
      run: { id: run?.id, familiesDone: run?.familiesDone, familiesTotal: run?.familiesTotal },
      errors: activity.errors,
    }).toEqual({
      resumed: true,
      header: `Resolution run ${runId}: rule set 2025, evaluated at 2026-11-28, finished ${run?.finishedAt}, ${summary.families} families.`,
      panels: everyPanel('ready', null, true),
      run: { id: runId, familiesDone: listed, familiesTotal: listed },
      errors: [],
    });
  });
});
