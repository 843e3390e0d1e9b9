import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

const ASSETS_DIR = path.join(__dirname, 'assets');
const QUERIES_DIR = path.join(__dirname, 'queries');
// chart.js exports only its module entry points; the standalone browser build sits beside them.
const CHART_JS_DIST = path.dirname(require.resolve('chart.js'));

/**
 * Nothing but this origin: the page, its scripts and styles and the GraphQL endpoint are all
 * served by the gateway, so the dashboard works without internet and no inline script can run.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DashboardPanel {
  /** Names the section on the page and its query file, `queries/<id>.graphql`. */
  readonly id: string;
  readonly title: string;
  readonly explanation: string;
}

export const DASHBOARD_PANELS: readonly DashboardPanel[] = [
  {
    id: 'desil-by-region',
    title: 'Desil distribution per city',
    explanation: 'Families in each resolved welfare desil, 1 (poorest) to 10; "unranked": no register ranks the family.',
  },
  {
    id: 'targeting-errors-by-region',
    title: 'Targeting errors per district',
    explanation:
      'Inclusion errors: families receiving a programme they are not eligible for. Graduation candidates: families receiving it that miss only its desil cut-off, now ranked above it (check on the ground). Exclusion errors: eligible families not receiving it.',
  },
  {
    id: 'data-quality',
    title: 'Data-quality issues in all regions',
    explanation: 'Families with at least one issue of each kind (see docs/data-quality.md).',
  },
];

/** The query of the region filter's choices, `queries/regions.graphql`. */
export const REGIONS_QUERY_ID = 'regions';

interface Asset {
  readonly file: string;
  readonly type: string;
}

const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['dashboard.js', { file: path.join(ASSETS_DIR, 'dashboard.js'), type: 'text/javascript; charset=utf-8' }],
  ['dashboard.css', { file: path.join(ASSETS_DIR, 'dashboard.css'), type: 'text/css; charset=utf-8' }],
  ['chart.umd.js', { file: path.join(CHART_JS_DIST, 'chart.umd.js'), type: 'text/javascript; charset=utf-8' }],
  ['chart.umd.js.map', { file: path.join(CHART_JS_DIST, 'chart.umd.js.map'), type: 'application/json; charset=utf-8' }],
]);

/** The GraphQL text of one panel's query, as shown on the page and sent by it. */
export function dashboardQuery(panelId: string): string {
  return readFileSync(path.join(QUERIES_DIR, `${panelId}.graphql`), 'utf8');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function panelHtml(panel: DashboardPanel): string {
  const id = escapeHtml(panel.id);
  return `
    <section class="panel" id="${id}" data-panel="${id}" data-state="loading" aria-labelledby="${id}-title">
      <div class="figure">
        <h2 id="${id}-title" class="title">${escapeHtml(panel.title)}</h2>
        <p class="explanation">${escapeHtml(panel.explanation)}</p>
        <div class="controls"></div>
        <p class="notice" role="alert" hidden></p>
        <p class="loading">Loading…</p>
        <div class="chart-box" hidden><canvas role="img" aria-label="${escapeHtml(panel.title)}"></canvas></div>
        <details class="data" open hidden>
          <summary>Numbers</summary>
          <table></table>
          <button type="button" class="download">Download CSV</button>
        </details>
      </div>
      <div class="query">
        <h3>Query</h3>
        <p>Copy it and its variables into the <a href="/graphql">GraphQL playground</a> to explore further.</p>
        <pre class="query-text"><code>${escapeHtml(dashboardQuery(panel.id))}</code></pre>
        <h3>Variables</h3>
        <pre class="variables"><code></code></pre>
      </div>
    </section>`;
}

function dashboardHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>DTSEN dashboard</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
  <script src="/dashboard/assets/chart.umd.js" defer></script>
  <script src="/dashboard/assets/dashboard.js" defer></script>
</head>
<body>
  <header>
    <h1>DTSEN dashboard</h1>
    <p id="index-info" aria-live="polite">Reading the resolution index…</p>
    <form id="token-form">
      <label for="token">Token</label>
      <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" placeholder="printed by npm start, or npm run token -- --role analyst">
      <button type="submit">Show statistics</button>
    </form>
  </header>
  <nav id="region-filter" aria-label="Region">
    <label for="city">City</label>
    <select id="city" name="city"><option value="">All cities</option></select>
    <label for="district">District</label>
    <select id="district" name="district" disabled><option value="">All districts</option></select>
    <details>
      <summary>Query of the choices</summary>
      <pre class="query-text"><code>${escapeHtml(dashboardQuery(REGIONS_QUERY_ID))}</code></pre>
    </details>
  </nav>
  <main>${DASHBOARD_PANELS.map(panelHtml).join('')}
  </main>
</body>
</html>
`;
}

/**
 * `GET /dashboard`: charts of the resolution index's statistics, each beside the GraphQL query
 * the page sends for it; `GET /dashboard/assets/<file>`: the page's script, styles and chart
 * library. Throws at once when a file it serves is missing (e.g. a build that did not copy them).
 */
export function dashboardRouter(): express.Router {
  for (const { file } of ASSETS.values()) {
    if (!existsSync(file)) throw new Error(`The dashboard cannot serve ${file}: the file is missing`);
  }
  const html = dashboardHtml();
  const router = express.Router();

  router.get('/dashboard', (_req, res) => {
    res.set({
      'content-security-policy': DASHBOARD_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.type('html').send(html);
  });

  router.get('/dashboard/assets/:name', (req, res, next) => {
    const asset = ASSETS.get(req.params.name);
    if (!asset) {
      next();
      return;
    }
    res.set({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    res.type(asset.type).sendFile(asset.file);
  });

  return router;
}
