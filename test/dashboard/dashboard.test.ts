import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_PANELS, dashboardQuery } from '../../gateway/dashboard/dashboard';
import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE, generatedWorldShowing } from '../resolution/generated-world';
import { testToken } from '../support/tokens';
import { describeWithChromium } from '../support/chromium';
import { chooseRegion, downloadPanelCsv, launchChromium, openDashboard, readPanels, watchPage, type PageActivity, type PanelView } from './browser';

const SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'dashboard.png');
// A hundred generated families and the few later pairs that show every data-quality code.
const world = generatedWorldShowing(100);
const worldFamilies = new Set(world.truth.map((line) => line.noKK)).size;

const NUMBER = new Intl.NumberFormat('id-ID');
const DESILS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null] as const;

interface Region {
  code: string;
  dottedCode: string;
  name: string | null;
  families: number;
  byDesil: { desil: number | null; families: number }[];
  programs: { program: string; inclusionErrors: number | null; graduationCandidates: number | null; exclusionErrors: number | null }[];
}

interface Statistics {
  index: { current: boolean };
  regions: Region[];
  total: { families: number; dataQuality: { code: string; families: number }[] };
}

async function statistics(system: RunningSystem, { query, variables }: Pick<PanelView, 'query' | 'variables'>): Promise<Statistics> {
  const response = await system.query(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.['statistics'] as Statistics;
}

const label = (region: Region) => (region.name ? `${region.name} (${region.dottedCode})` : region.dottedCode);
/** The regions a panel shows: those the index holds families of. */
const shownRegions = (answer: Statistics) => answer.regions.filter((region) => region.families > 0);
const shown = (value: number) => NUMBER.format(value);
const desilCount = (region: Region, desil: number | null) => region.byDesil.find((entry) => entry.desil === desil)?.families ?? 0;
const programCounts = (region: Region, program: string) => region.programs.find((entry) => entry.program === program);

const desilLabel = (desil: number | null) => (desil === null ? 'Unranked' : `Desil ${desil}`);

/** The desil panel a reader should see for an answer of the desil query, its regions called `noun`. */
function expectedDesilPanel(answer: Statistics, noun = 'City') {
  const regions = shownRegions(answer);
  return {
    table: [
      [noun, ...DESILS.map(desilLabel), 'Families'],
      ...regions.map((region) => [label(region), ...DESILS.map((desil) => shown(desilCount(region, desil))), shown(region.families)]),
    ],
    chart: {
      labels: regions.map(label),
      datasets: DESILS.map((desil) => ({ label: desilLabel(desil), data: regions.map((region) => desilCount(region, desil)) })),
    },
  };
}

/** The panel a reader should see for one programme of the targeting query's answer. */
function expectedTargetingPanel(answer: Statistics, program: string, noun = 'District') {
  const regions = shownRegions(answer);
  const inclusion = (region: Region) => programCounts(region, program)?.inclusionErrors ?? 0;
  const graduation = (region: Region) => programCounts(region, program)?.graduationCandidates ?? 0;
  const exclusion = (region: Region) => programCounts(region, program)?.exclusionErrors ?? 0;
  return {
    table: [
      [noun, `${program} inclusion errors`, `${program} graduation candidates`, `${program} exclusion errors`],
      ...regions.map((region) => [label(region), shown(inclusion(region)), shown(graduation(region)), shown(exclusion(region))]),
    ],
    chart: {
      labels: regions.map(label),
      datasets: [
        { label: `${program} inclusion errors`, data: regions.map(inclusion) },
        { label: `${program} graduation candidates`, data: regions.map(graduation) },
        { label: `${program} exclusion errors`, data: regions.map(exclusion) },
      ],
    },
  };
}

function expectedQualityPanel(answer: Statistics) {
  const issues = answer.total.dataQuality;
  return {
    table: [['Issue', 'Families'], ...issues.map((issue) => [issue.code, shown(issue.families)])],
    chart: {
      labels: issues.map((issue) => issue.code),
      datasets: [{ label: `Families (of ${shown(answer.total.families)})`, data: issues.map((issue) => issue.families) }],
    },
  };
}

const pick = ({ table, chart }: PanelView) => ({ table, chart });
const view = (panels: PanelView[], id: string) => {
  const panel = panels.find((candidate) => candidate.panel === id);
  if (!panel) throw new Error(`The page has no panel ${id}`);
  return panel;
};
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describeWithChromium('the dashboard over a hundred-odd generated families and a filled resolution index', () => {
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  let activity: PageActivity;
  let origin: string;
  let panels: PanelView[];

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE, resolve: true });
    origin = new URL(system.gatewayUrl).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    activity = watchPage(page);
    await openDashboard(page, origin, await testToken('analyst'));
    panels = await readPanels(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when a browser opens /dashboard, then every panel draws a chart of all regions, shows its query and variables, logs no error and loads nothing from elsewhere', async () => {
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect({
      panels: panels.map(({ panel, title, state, notice, query, variables, chart }) => ({ panel, title, state, notice, query, variables, drawn: chart !== null })),
      errors: activity.errors,
      elsewhere: activity.requests.filter((url) => !url.startsWith(`${origin}/`)),
    }).toEqual({
      panels: DASHBOARD_PANELS.map(({ id, title }) => ({
        panel: id,
        title,
        state: 'ready',
        notice: null,
        query: dashboardQuery(id),
        variables: { regionPrefix: null, level: id === 'targeting-errors-by-region' ? 'DISTRICT' : 'CITY' },
        drawn: true,
      })),
      errors: [],
      elsewhere: [],
    });
  });

  it('when the desil chart is drawn, then its chart and table hold what the desil query returns per city, and the cities add up to every family', async () => {
    const answer = await statistics(system, view(panels, 'desil-by-region'));
    const { table, chart } = view(panels, 'desil-by-region');

    expect({ table, chart }).toEqual(expectedDesilPanel(answer));
    expect(sum(answer.regions.map((region) => region.families))).toBe(worldFamilies);
  });

  it('when the targeting chart is drawn, then it shows the first programme DTKS records, as the targeting query returns, with some errors', async () => {
    const answer = await statistics(system, view(panels, 'targeting-errors-by-region'));
    const { table, chart } = view(panels, 'targeting-errors-by-region');

    expect({ table, chart }).toEqual(expectedTargetingPanel(answer, 'PKH'));
    expect(sum(chart?.datasets.flatMap((dataset) => dataset.data) ?? [])).toBeGreaterThan(0);
  });

  it('when the analyst picks BPNT, then the district chart and table show BPNT errors; every programme is offered, BLT_DD with its receipt from Kemendes', async () => {
    const answer = await statistics(system, view(panels, 'targeting-errors-by-region'));
    const offered = await page.locator('#targeting-errors-by-region select option').allTextContents();

    await page.selectOption('#targeting-errors-by-region select', 'BPNT');
    const { table, chart } = view(await readPanels(page), 'targeting-errors-by-region');

    expect({ offered, table, chart }).toEqual({ offered: ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'], ...expectedTargetingPanel(answer, 'BPNT') });
  });

  it('when the data-quality chart is drawn, then it holds what the data-quality query returns, every code with some families', async () => {
    const answer = await statistics(system, view(panels, 'data-quality'));
    const { table, chart } = view(panels, 'data-quality');

    expect({ table, chart }).toEqual(expectedQualityPanel(answer));
    expect(answer.total.dataQuality.filter((issue) => issue.families === 0)).toEqual([]);
  });

  it('when the page is opened without a token, then every panel asks for one and no query is sent', async () => {
    const fresh = await browser.newPage();
    const freshActivity = watchPage(fresh);

    await fresh.goto(`${origin}/dashboard`);
    const waiting = await readPanels(fresh);
    await fresh.close();

    const notice = 'Paste a token with the statistics scope (analyst or caseworker) above.';
    expect({
      panels: waiting.map(({ panel, state, notice: shown }) => ({ panel, state, notice: shown })),
      graphql: freshActivity.requests.filter((url) => url.endsWith('/graphql')),
    }).toEqual({ panels: DASHBOARD_PANELS.map(({ id }) => ({ panel: id, state: 'waiting', notice })), graphql: [] });
  });

  it('when a token whose contract has no statistics is pasted, then every panel says the query is outside it', async () => {
    const fresh = await browser.newPage();

    await openDashboard(fresh, origin, await testToken('frontend'));
    const refused = await readPanels(fresh);
    await fresh.close();

    const notice = 'The statistics query failed: The operation selects what the contract of this token does not hold (GET /schema returns the contract) (FORBIDDEN)';
    expect(refused.map(({ panel, state, notice: shown }) => ({ panel, state, notice: shown }))).toEqual(
      DASHBOARD_PANELS.map(({ id }) => ({ panel: id, state: 'error', notice })),
    );
  });

  it('when the analyst chooses a city and then one of its districts, then every panel re-queries with that prefix and shows its districts, then its villages', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openDashboard(fresh, origin, await testToken('analyst'));
    const top = await readPanels(fresh);
    const cities = shownRegions(await statistics(system, view(top, 'desil-by-region')));
    const city = cities.reduce((largest, region) => (region.families > largest.families ? region : largest));
    const offeredCities = await fresh.locator('#city option').allTextContents();

    await chooseRegion(fresh, 'city', city.code);
    const inCity = await readPanels(fresh);
    const districts = shownRegions(await statistics(system, view(inCity, 'desil-by-region')));
    const district = districts.reduce((largest, region) => (region.families > largest.families ? region : largest));
    await chooseRegion(fresh, 'district', district.code);
    const inDistrict = await readPanels(fresh);
    const villages = await statistics(system, view(inDistrict, 'desil-by-region'));
    const villageTargeting = await statistics(system, view(inDistrict, 'targeting-errors-by-region'));
    const districtQuality = await statistics(system, view(inDistrict, 'data-quality'));
    await fresh.close();

    const titlesAndVariables = (shownPanels: PanelView[]) => shownPanels.map(({ title, variables }) => ({ title, variables }));
    expect({
      offeredCities,
      inCity: titlesAndVariables(inCity),
      inDistrict: titlesAndVariables(inDistrict),
      desil: pick(view(inDistrict, 'desil-by-region')),
      targeting: pick(view(inDistrict, 'targeting-errors-by-region')),
      quality: pick(view(inDistrict, 'data-quality')),
      familiesOfVillages: sum(shownRegions(villages).map((village) => village.families)),
    }).toEqual({
      offeredCities: ['All cities', ...cities.map(label)],
      inCity: [
        { title: `Desil distribution per district in ${label(city)}`, variables: { regionPrefix: city.code, level: 'DISTRICT' } },
        { title: `Targeting errors per village in ${label(city)}`, variables: { regionPrefix: city.code, level: 'VILLAGE' } },
        { title: `Data-quality issues in ${label(city)}`, variables: { regionPrefix: city.code, level: 'DISTRICT' } },
      ],
      inDistrict: [
        { title: `Desil distribution per village in ${label(district)}`, variables: { regionPrefix: district.code, level: 'VILLAGE' } },
        { title: `Targeting errors per village in ${label(district)}`, variables: { regionPrefix: district.code, level: 'VILLAGE' } },
        { title: `Data-quality issues in ${label(district)}`, variables: { regionPrefix: district.code, level: 'VILLAGE' } },
      ],
      desil: expectedDesilPanel(villages, 'Village'),
      targeting: expectedTargetingPanel(villageTargeting, 'PKH', 'Village'),
      quality: expectedQualityPanel(districtQuality),
      familiesOfVillages: district.families,
    });
    expect(districtQuality.total.families).toBe(district.families);
  });

  it('when the analyst downloads a panel as CSV, then the file holds the rows shown, with plain region codes and plain numbers', async () => {
    const shownPanel = view(panels, 'desil-by-region');
    const answer = await statistics(system, shownPanel);
    const qualityAnswer = await statistics(system, view(panels, 'data-quality'));

    const desil = await downloadPanelCsv(page, 'desil-by-region');
    const quality = await downloadPanelCsv(page, 'data-quality');

    const rows = (text: string) => text.split('\r\n').slice(0, -1).map((line) => line.split(','));
    const csvRows = rows(desil.text);
    expect({ name: desil.name, rows: csvRows, endsWithNewline: desil.text.endsWith('\r\n') }).toEqual({
      name: 'desil-by-region-all.csv',
      rows: [
        ['City code', 'City', ...DESILS.map(desilLabel), 'Families'],
        ...shownRegions(answer).map((region) => [region.code, region.name ?? '', ...DESILS.map((desil) => String(desilCount(region, desil))), String(region.families)]),
      ],
      endsWithNewline: true,
    });
    expect({ name: quality.name, rows: rows(quality.text) }).toEqual({
      name: 'data-quality-all.csv',
      rows: [['Issue', 'Families'], ...qualityAnswer.total.dataQuality.map((issue) => [issue.code, String(issue.families)])],
    });
    expect(csvRows.length).toBe(shownPanel.table.length);
  });

  it('when the page is served, then a strict content security policy allows only this origin and no inline script', async () => {
    const response = await fetch(`${origin}/dashboard`);
    const html = await response.text();

    expect({
      status: response.status,
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      inlineScripts: html.match(/<script(?![^>]*\ssrc=)[^>]*>/g),
      external: html.match(/(?:src|href)=["'](?:https?:)?\/\/[^"']*/g),
    }).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      csp: "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      inlineScripts: null,
      external: null,
    });
  });

  it('when an asset the page does not use is asked for, then the gateway answers 404', async () => {
    const responses = await Promise.all(
      ['package.json', '..%2F..%2Fpackage.json', 'constructor'].map((name) => fetch(`${origin}/dashboard/assets/${name}`)),
    );

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
  });
});
