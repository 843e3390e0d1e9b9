// The dashboard page's script: sends each panel's statistics query (the text and variables shown
// beside the chart) to the gateway and draws the answer with Chart.js. Plain browser JS, no build step.
'use strict';

(function () {
  // Indonesian format for every number a reader sees: 5.042, 42,6%.
  const LOCALE = 'id-ID';
  const NUMBER = new Intl.NumberFormat(LOCALE);
  const PERCENT = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
  const TIME = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'medium' });
  const DESIL_COLOURS = [
    '#b91c1c', '#dc2626', '#ea580c', '#f59e0b', '#eab308',
    '#a3e635', '#4ade80', '#22c55e', '#16a34a', '#15803d',
  ];
  const UNRANKED_COLOUR = '#9aa5b1';
  const INCLUSION_COLOUR = '#d97706';
  const EXCLUSION_COLOUR = '#2563eb';
  const GRADUATION_COLOUR = '#059669';

  // While a resolution run fills the index, the panels ask again this often.
  const REFRESH_MS = 2000;
  // A run stores a page every second or so; one silent this long was stopped (Ctrl-C, a crash).
  const STALLED_MS = 120000;

  // The levels a reader drills through: all cities, then a city's districts, then a district's villages.
  const LEVELS = ['CITY', 'DISTRICT', 'VILLAGE'];
  const LEVEL_NOUN = { CITY: 'city', DISTRICT: 'district', VILLAGE: 'village' };

  class QueryError extends Error {}

  // The token lives for this tab only: sessionStorage, never localStorage or a cookie.
  const TOKEN_KEY = 'dtsen-dashboard-token';

  const citySelect = document.getElementById('city');
  const districtSelect = document.getElementById('district');
  const regionsQuery = document.querySelector('#region-filter .query-text').textContent;

  async function fetchStatistics(query, variables, token) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new QueryError(`the gateway could not be reached (${error.message})`);
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new QueryError(`the gateway answered HTTP ${response.status} without a GraphQL response`);
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      const messages = body.errors.map((error) => {
        const code = error.extensions && error.extensions.code;
        return code ? `${error.message} (${code})` : error.message;
      });
      throw new QueryError(messages.join('; '));
    }
    if (!body.data || !body.data.statistics) throw new QueryError(`the gateway answered HTTP ${response.status} without data`);
    return body.data.statistics;
  }

  // The region filter: what it offers and what is chosen, as the API named them.
  const offered = { city: [], district: [] };
  const chosen = { city: null, district: null };
  const choice = () => chosen.district || chosen.city;
  const depth = () => (chosen.district ? 2 : chosen.city ? 1 : 0);

  function regionLabel(region) {
    return region.name ? `${region.name} (${region.dottedCode})` : region.dottedCode;
  }

  // Each panel's breakdown below the chosen region; targeting errors one level finer, down to villages.
  const PANEL_LEVEL = {
    'desil-by-region': () => LEVELS[depth()],
    'targeting-errors-by-region': () => LEVELS[Math.min(depth() + 1, LEVELS.length - 1)],
    'data-quality': () => LEVELS[depth()],
  };

  function panelVariables(panel) {
    const region = choice();
    return { regionPrefix: region ? region.code : null, level: PANEL_LEVEL[panel]() };
  }

  function within() {
    const region = choice();
    return region ? ` in ${regionLabel(region)}` : '';
  }

  const PANEL_TITLE = {
    'desil-by-region': (level) => `Desil distribution per ${LEVEL_NOUN[level]}${within()}`,
    'targeting-errors-by-region': (level) => `Targeting errors per ${LEVEL_NOUN[level]}${within()}`,
    'data-quality': () => `Data-quality issues in ${choice() ? regionLabel(choice()) : 'all regions'}`,
  };

  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

  function describeIndex(index) {
    if (index.runId === null) return 'The resolution index has never been filled.';
    const finished = index.finishedAt ? `finished ${index.finishedAt}` : 'not finished';
    return `Resolution run ${index.runId}: rule set ${index.ruleSet}, evaluated at ${index.evaluationDate}, ${finished}, ${NUMBER.format(index.families)} families.`;
  }

  function isStalled(running) {
    const last = Date.parse(running.progressAt || running.startedAt);
    return Date.now() - last > STALLED_MS;
  }

  // What a reader is told while a run has not finished: how far it has come, or that it stopped.
  function describeRun(running) {
    const share = running.familiesTotal > 0 ? Math.min(1, running.familiesDone / running.familiesTotal) : 0;
    const progress = `${NUMBER.format(running.familiesDone)} of ${NUMBER.format(running.familiesTotal)} register records (${PERCENT.format(share)})`;
    const last = TIME.format(new Date(running.progressAt || running.startedAt));
    if (isStalled(running)) {
      return `Resolution run ${running.runId} stopped at ${progress}, last progress ${last}. Run \`npm run resolve\` to resume it.`;
    }
    return `Filling the resolution index (run ${running.runId}): ${progress}. The charts appear when it finishes.`;
  }

  const STALE_PANEL_NOTICE =
    'No counts are shown: the resolution index is not current. Run `npm run resolve` to bring it up to date.';

  function showIndex(index) {
    const info = document.getElementById('index-info');
    if (!index.current && index.running) {
      info.textContent = describeRun(index.running);
    } else {
      info.textContent = index.current
        ? describeIndex(index)
        : `${describeIndex(index)} It is not current for this gateway (missing, unfinished, or resolved with another rule set or evaluation date).`;
    }
    info.classList.toggle('stale', !index.current);
  }

  // Each panel's numbers as shown, kept for its CSV download. Region rows carry the region for its code.
  const shownRows = new WeakMap();

  function fillTable(section, head, rows) {
    shownRows.set(section, { head, rows });
    const table = section.querySelector('table');
    table.replaceChildren();
    const thead = table.createTHead().insertRow();
    for (const text of head) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      thead.appendChild(th);
    }
    const tbody = table.createTBody();
    for (const row of rows) {
      const tr = tbody.insertRow();
      [row.label, ...row.values].forEach((value, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = typeof value === 'number' ? NUMBER.format(value) : String(value);
        tr.appendChild(cell);
      });
    }
  }

  function barChart(section, { labels, datasets, horizontal = false, stacked = false, height }) {
    const canvas = section.querySelector('canvas');
    const previous = Chart.getChart(canvas);
    if (previous) previous.destroy();
    if (height) section.querySelector('.chart-box').style.height = `${height}px`;
    const countAxis = { stacked, beginAtZero: true, ticks: { precision: 0 } };
    const categoryAxis = { stacked };
    return new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        locale: LOCALE,
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: countAxis, y: categoryAxis } : { x: categoryAxis, y: countAxis },
        plugins: { legend: { display: datasets.length > 1 } },
      },
    });
  }

  // Regions the index holds no family of are left out: a chart of every region of Indonesia at zero says nothing.
  const withFamilies = (regions) => regions.filter((region) => region.families > 0);

  function desilByRegion(section, statistics, level) {
    const regions = withFamilies(statistics.regions);
    const desils = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null];
    const count = (region, desil) => {
      const entry = region.byDesil.find((item) => item.desil === desil);
      return entry ? entry.families : 0;
    };
    fillTable(
      section,
      [capitalised(LEVEL_NOUN[level]), ...desils.map((desil) => (desil === null ? 'Unranked' : `Desil ${desil}`)), 'Families'],
      regions.map((region) => ({ region, label: regionLabel(region), values: [...desils.map((desil) => count(region, desil)), region.families] })),
    );
    barChart(section, {
      labels: regions.map(regionLabel),
      stacked: true,
      horizontal: true,
      height: Math.max(240, regions.length * 40 + 120),
      datasets: desils.map((desil, i) => ({
        label: desil === null ? 'Unranked' : `Desil ${desil}`,
        data: regions.map((region) => count(region, desil)),
        backgroundColor: desil === null ? UNRANKED_COLOUR : DESIL_COLOURS[i],
      })),
    });
  }

  function targetingErrorsByRegion(section, statistics, level) {
    const regions = withFamilies(statistics.regions);
    // A programme whose receipt no register records has null counts: it is left out of the choice.
    const programs = [];
    for (const region of regions) {
      for (const entry of region.programs) {
        if (entry.inclusionErrors !== null && !programs.includes(entry.program)) programs.push(entry.program);
      }
    }
    const controls = section.querySelector('.controls');
    const previous = controls.querySelector('select');
    const label = document.createElement('label');
    label.textContent = 'Programme ';
    const select = document.createElement('select');
    select.name = 'program';
    for (const program of programs) select.add(new Option(program, program));
    if (previous && programs.includes(previous.value)) select.value = previous.value;
    label.appendChild(select);
    controls.replaceChildren(label);

    const draw = () => {
      const program = select.value;
      const counts = regions.map((region) => {
        const entry = region.programs.find((item) => item.program === program);
        return {
          inclusion: entry ? entry.inclusionErrors : 0,
          graduation: entry ? entry.graduationCandidates : 0,
          exclusion: entry ? entry.exclusionErrors : 0,
        };
      });
      fillTable(
        section,
        [capitalised(LEVEL_NOUN[level]), `${program} inclusion errors`, `${program} graduation candidates`, `${program} exclusion errors`],
        regions.map((region, i) => ({ region, label: regionLabel(region), values: [counts[i].inclusion, counts[i].graduation, counts[i].exclusion] })),
      );
      barChart(section, {
        labels: regions.map(regionLabel),
        horizontal: true,
        height: Math.max(240, regions.length * 28 + 80),
        datasets: [
          { label: `${program} inclusion errors`, data: counts.map((c) => c.inclusion), backgroundColor: INCLUSION_COLOUR },
          { label: `${program} graduation candidates`, data: counts.map((c) => c.graduation), backgroundColor: GRADUATION_COLOUR },
          { label: `${program} exclusion errors`, data: counts.map((c) => c.exclusion), backgroundColor: EXCLUSION_COLOUR },
        ],
      });
      section.dataset.program = program;
    };
    select.addEventListener('change', draw);
    draw();
  }

  function dataQuality(section, statistics) {
    const issues = statistics.total.dataQuality;
    fillTable(
      section,
      ['Issue', 'Families'],
      issues.map((issue) => ({ label: issue.code, values: [issue.families] })),
    );
    barChart(section, {
      labels: issues.map((issue) => issue.code),
      horizontal: true,
      datasets: [{ label: `Families (of ${NUMBER.format(statistics.total.families)})`, data: issues.map((issue) => issue.families), backgroundColor: '#7c3aed' }],
    });
  }

  const DRAW = {
    'desil-by-region': desilByRegion,
    'targeting-errors-by-region': targetingErrorsByRegion,
    'data-quality': dataQuality,
  };

  // RFC 4180. Numbers are written plain (5042, not 5.042) so that a spreadsheet in any language
  // reads them as numbers; region codes plain (3174, not 31.74), which no spreadsheet turns into a decimal.
  function csvField(value) {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }

  function csvOf({ head, rows }) {
    const byRegion = rows.length > 0 && rows[0].region !== undefined;
    const header = byRegion ? [`${head[0]} code`, ...head] : head;
    const lines = [header, ...rows.map((row) => (byRegion ? [row.region.code, row.region.name, ...row.values] : [row.label, ...row.values]))];
    return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
  }

  function downloadCsv(section) {
    const shown = shownRows.get(section);
    if (!shown) return;
    const parts = [section.dataset.panel];
    if (section.dataset.program) parts.push(section.dataset.program.toLowerCase());
    parts.push(choice() ? choice().code : 'all');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csvOf(shown)], { type: 'text/csv;charset=utf-8' }));
    link.download = `${parts.join('-')}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function settle(section, state, notice) {
    section.dataset.state = state;
    section.querySelector('.loading').hidden = true;
    const noticeElement = section.querySelector('.notice');
    noticeElement.hidden = notice === undefined;
    noticeElement.textContent = notice === undefined ? '' : notice;
    section.querySelector('.chart-box').hidden = state !== 'ready';
    section.querySelector('details.data').hidden = state !== 'ready';
  }

  // The state a panel settled in: `ready`, `filling` (a run is under way), `stale`, `empty` or `error`.
  async function loadPanel(section, token, current) {
    const panel = section.dataset.panel;
    const variables = panelVariables(panel);
    section.querySelector('.title').textContent = PANEL_TITLE[panel](variables.level);
    section.querySelector('.variables').textContent = JSON.stringify(variables, null, 2);
    const query = section.querySelector('.query-text').textContent;
    let statistics;
    try {
      statistics = await fetchStatistics(query, variables, token);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      if (!current()) return 'superseded';
      settle(section, 'error', `The statistics query failed: ${error.message}`);
      return 'error';
    }
    if (!current()) return 'superseded';
    showIndex(statistics.index);
    if (!statistics.index.current) {
      const running = statistics.index.running;
      if (running) {
        settle(section, 'filling', describeRun(running));
        return 'filling';
      }
      settle(section, 'stale', STALE_PANEL_NOTICE);
      return 'stale';
    }
    if (statistics.total ? statistics.total.families === 0 : withFamilies(statistics.regions).length === 0) {
      settle(section, 'empty', 'The resolution index holds no families for this query.');
      return 'empty';
    }
    // Shown before drawing: Chart.js sizes the canvas from its visible container.
    settle(section, 'ready');
    DRAW[panel](section, statistics, variables.level);
    return 'ready';
  }

  function offer(kind, select, regions, allLabel) {
    offered[kind] = withFamilies(regions);
    select.replaceChildren(new Option(allLabel, ''));
    for (const region of offered[kind]) select.add(new Option(regionLabel(region), region.code));
    select.value = chosen[kind] ? chosen[kind].code : '';
  }

  async function loadRegionChoices(token, current) {
    try {
      const cities = await fetchStatistics(regionsQuery, { regionPrefix: null, level: 'CITY' }, token);
      if (!current()) return;
      offer('city', citySelect, cities.regions, 'All cities');
      if (chosen.city) {
        const districts = await fetchStatistics(regionsQuery, { regionPrefix: chosen.city.code, level: 'DISTRICT' }, token);
        if (!current()) return;
        offer('district', districtSelect, districts.regions, 'All districts');
      }
    } catch (error) {
      // The panels say why the gateway refused; the filter just offers nothing.
      if (!(error instanceof QueryError)) throw error;
    }
    districtSelect.disabled = !chosen.city;
  }

  let refreshTimer = null;
  // Each render's number: an answer to an earlier render (the reader chose again meanwhile) is dropped.
  let rendering = 0;

  // One render of the page for the chosen region; while a run fills the index, again and again until it has.
  async function render(token, { quiet = false } = {}) {
    clearTimeout(refreshTimer);
    const generation = ++rendering;
    const current = () => generation === rendering;
    const sections = [...document.querySelectorAll('[data-panel]')];
    if (!quiet) {
      for (const section of sections) {
        const chart = Chart.getChart(section.querySelector('canvas'));
        if (chart) chart.destroy();
        section.dataset.state = 'loading';
        section.querySelector('.loading').hidden = false;
      }
    }
    const [, states] = await Promise.all([
      loadRegionChoices(token, current),
      Promise.all(
        sections.map((section) =>
          loadPanel(section, token, current).catch((error) => {
            settle(section, 'error', `The chart could not be drawn: ${error.message}`);
            return 'error';
          }),
        ),
      ),
    ]);
    if (current() && states.includes('filling')) {
      refreshTimer = setTimeout(() => {
        const quietly = states.every((state) => state === 'filling');
        void render(token, { quiet: quietly });
      }, REFRESH_MS);
    }
  }

  const currentToken = () => sessionStorage.getItem(TOKEN_KEY);

  citySelect.addEventListener('change', () => {
    chosen.city = offered.city.find((region) => region.code === citySelect.value) || null;
    chosen.district = null;
    offer('district', districtSelect, [], 'All districts');
    const token = currentToken();
    if (token) void render(token);
  });
  districtSelect.addEventListener('change', () => {
    chosen.district = offered.district.find((region) => region.code === districtSelect.value) || null;
    const token = currentToken();
    if (token) void render(token);
  });
  for (const button of document.querySelectorAll('button.download')) {
    button.addEventListener('click', () => downloadCsv(button.closest('[data-panel]')));
  }

  const form = document.getElementById('token-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = form.elements.token.value.trim();
    if (token === '') return;
    sessionStorage.setItem(TOKEN_KEY, token);
    form.elements.token.value = '';
    void render(token);
  });
  const saved = currentToken();
  if (saved) {
    void render(saved);
  } else {
    for (const section of document.querySelectorAll('[data-panel]')) {
      section.querySelector('.variables').textContent = JSON.stringify(panelVariables(section.dataset.panel), null, 2);
      settle(section, 'waiting', 'Paste a token with the statistics scope (analyst or caseworker) above.');
    }
  }
})();
