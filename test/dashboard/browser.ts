import type { Page } from 'playwright-core';

export { launchChromium } from '../support/chromium';

/** What a page did besides rendering: errors it logged or threw, and every URL it requested. */
export interface PageActivity {
  readonly errors: string[];
  readonly requests: string[];
}

export function watchPage(page: Page): PageActivity {
  const activity: PageActivity = { errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') activity.errors.push(message.text());
  });
  page.on('pageerror', (error) => activity.errors.push(error.message));
  page.on('request', (request) => activity.requests.push(request.url()));
  return activity;
}

export interface PanelView {
  readonly panel: string;
  readonly title: string;
  /** `ready`, `filling`, `error`, `stale`, `empty` or `waiting`. */
  readonly state: string;
  /** The notice shown instead of the chart, or null when none is visible. */
  readonly notice: string | null;
  readonly query: string;
  /** The variables shown beside the query, parsed. */
  readonly variables: Record<string, unknown>;
  /** The visible data table, header row first, cells as shown. */
  readonly table: string[][];
  /** The data of the Chart.js chart drawn in the panel, or null when there is none. */
  readonly chart: { labels: string[]; datasets: { label: string; data: number[] }[] } | null;
}

/** Waits until no panel is loading, then reads each panel as a reader sees it. */
export async function readPanels(page: Page): Promise<PanelView[]> {
  await page.waitForFunction(() => {
    const doc = (globalThis as any).document;
    return doc.querySelectorAll('[data-panel]').length > 0 && doc.querySelectorAll('[data-panel][data-state="loading"]').length === 0;
  });
  // Runs in the browser; the project's TypeScript has no DOM types, hence `any`.
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const Chart = (globalThis as any).Chart;
    return Array.from(doc.querySelectorAll('[data-panel]')).map((section: any) => {
      const notice = section.querySelector('.notice');
      const details = section.querySelector('details.data');
      const chart = Chart.getChart(section.querySelector('canvas'));
      const rows = details.hidden ? [] : Array.from(section.querySelectorAll('table tr'));
      return {
        panel: section.dataset.panel,
        title: section.querySelector('h2').textContent,
        state: section.dataset.state,
        notice: notice.hidden ? null : notice.textContent,
        query: section.querySelector('.query .query-text').textContent,
        variables: JSON.parse(section.querySelector('.query .variables').textContent),
        table: rows.map((row: any) => Array.from(row.cells).map((cell: any) => cell.textContent)),
        chart: chart
          ? {
              labels: [...chart.data.labels],
              datasets: chart.data.datasets.map((dataset: any) => ({ label: dataset.label, data: [...dataset.data] })),
            }
          : null,
      };
    });
  });
}

/** Opens the dashboard and pastes `token` into its token field, as a reader would. */
export async function openDashboard(page: Page, origin: string, token: string): Promise<void> {
  await page.goto(`${origin}/dashboard`);
  await page.fill('#token', token);
  await page.click('#token-form button[type="submit"]');
}

/** Chooses a region in the filter (`city` or `district`) by its plain code, as a reader picks it from the list. */
export async function chooseRegion(page: Page, filter: 'city' | 'district', code: string): Promise<void> {
  await page.selectOption(`#${filter}`, code);
}

/** Clicks a panel's CSV download and returns the file's name and text. */
export async function downloadPanelCsv(page: Page, panel: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${panel} button.download`)]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
