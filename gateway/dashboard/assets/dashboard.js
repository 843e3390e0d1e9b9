// The dashboard page's script: sends each panel's statistics query (the text shown beside the
// chart) to the gateway and draws the answer with Chart.js. Plain browser JS, no build step.
'use strict';

(function () {
  const NUMBER = new Intl.NumberFormat('en-US');
  const DESIL_COLOURS = [
    '#b91c1c', '#dc2626', '#ea580c', '#f59e0b', '#eab308',
    '#a3e635', '#4ade80', '#22c55e', '#16a34a', '#15803d',
  ];
  const UNRANKED_COLOUR = '#9aa5b1';
  const INCLUSION_COLOUR = '#d97706';
  const EXCLUSION_COLOUR = '#2563eb';

  class QueryError extends Error {}

  // The token lives for this tab only: sessionStorage, never localStorage or a cookie.
  const TOKEN_KEY = 'dtsen-dashboard-token';

  async function fetchStatistics(query, token) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
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

  function regionLabel(region) {
    return region.name ? `${region.name} (${region.dottedCode})` : region.dottedCode;
  }

  function describeIndex(index) {
    if (index.runId === null) return 'The resolution index has never been filled.';
    const finished = index.finishedAt ? `finished ${index.finishedAt}` : 'not finished';
    return `Resolution run ${index.runId}: rule set ${index.ruleSet}, evaluated at ${index.evaluationDate}, ${finished}, ${NUMBER.format(index.families)} families.`;
  }

  const STALE_PANEL_NOTICE =
    'No counts are shown: the resolution index is not current. Run `npm run resolve` to bring it up to date.';

  function showIndex(index) {
    const info = document.getElementById('index-info');
    info.textContent = index.current
      ? describeIndex(index)
      : `${describeIndex(index)} It is not current for this gateway (missing, unfinished, or resolved with another rule set or evaluation date).`;
    info.classList.toggle('stale', !index.current);
  }

  function fillTable(table, head, rows) {
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
      row.forEach((value, i) => {
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
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: countAxis, y: categoryAxis } : { x: categoryAxis, y: countAxis },
        plugins: { legend: { display: datasets.length > 1 } },
      },
    });
  }

  function desilByCity(section, statistics) {
    const desils = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null];
    const count = (region, desil) => {
      const entry = region.byDesil.find((item) => item.desil === desil);
      return entry ? entry.families : 0;
    };
    fillTable(
      section.querySelector('table'),
      ['City', ...desils.map((desil) => (desil === null ? 'Unranked' : `Desil ${desil}`)), 'Families'],
      statistics.regions.map((region) => [regionLabel(region), ...desils.map((desil) => count(region, desil)), region.families]),
    );
    barChart(section, {
      labels: statistics.regions.map(regionLabel),
      stacked: true,
      horizontal: true,
      height: Math.max(240, statistics.regions.length * 40 + 120),
      datasets: desils.map((desil, i) => ({
        label: desil === null ? 'Unranked' : `Desil ${desil}`,
        data: statistics.regions.map((region) => count(region, desil)),
        backgroundColor: desil === null ? UNRANKED_COLOUR : DESIL_COLOURS[i],
      })),
    });
  }

  function targetingErrorsByDistrict(section, statistics) {
    // BLT_DD has null counts: DTKS does not record who receives it, so it has no targeting errors.
    const programs = [];
    for (const region of statistics.regions) {
      for (const entry of region.programs) {
        if (entry.inclusionErrors !== null && !programs.includes(entry.program)) programs.push(entry.program);
      }
    }
    const controls = section.querySelector('.controls');
    const label = document.createElement('label');
    label.textContent = 'Programme ';
    const select = document.createElement('select');
    select.name = 'program';
    for (const program of programs) select.add(new Option(program, program));
    label.appendChild(select);
    controls.replaceChildren(label);

    const draw = () => {
      const program = select.value;
      const counts = statistics.regions.map((region) => {
        const entry = region.programs.find((item) => item.program === program);
        return { inclusion: entry ? entry.inclusionErrors : 0, exclusion: entry ? entry.exclusionErrors : 0 };
      });
      fillTable(
        section.querySelector('table'),
        ['District', `${program} inclusion errors`, `${program} exclusion errors`],
        statistics.regions.map((region, i) => [regionLabel(region), counts[i].inclusion, counts[i].exclusion]),
      );
      barChart(section, {
        labels: statistics.regions.map(regionLabel),
        horizontal: true,
        height: Math.max(240, statistics.regions.length * 28 + 80),
        datasets: [
          { label: `${program} inclusion errors`, data: counts.map((c) => c.inclusion), backgroundColor: INCLUSION_COLOUR },
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
      section.querySelector('table'),
      ['Issue', 'Families'],
      issues.map((issue) => [issue.code, issue.families]),
    );
    barChart(section, {
      labels: issues.map((issue) => issue.code),
      horizontal: true,
      datasets: [{ label: `Families (of ${NUMBER.format(statistics.total.families)})`, data: issues.map((issue) => issue.families), backgroundColor: '#7c3aed' }],
    });
  }

  const DRAW = {
    'desil-by-city': desilByCity,
    'targeting-errors-by-district': targetingErrorsByDistrict,
    'data-quality': dataQuality,
  };

  function settle(section, state, notice) {
    section.dataset.state = state;
    section.querySelector('.loading').hidden = true;
    const noticeElement = section.querySelector('.notice');
    noticeElement.hidden = notice === undefined;
    noticeElement.textContent = notice === undefined ? '' : notice;
    section.querySelector('.chart-box').hidden = state !== 'ready';
    section.querySelector('details.data').hidden = state !== 'ready';
  }

  async function loadPanel(section, token) {
    const query = section.querySelector('.query pre').textContent;
    let statistics;
    try {
      statistics = await fetchStatistics(query, token);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      settle(section, 'error', `The statistics query failed: ${error.message}`);
      return;
    }
    showIndex(statistics.index);
    if (!statistics.index.current) {
      settle(section, 'stale', STALE_PANEL_NOTICE);
      return;
    }
    if (statistics.total ? statistics.total.families === 0 : statistics.regions.length === 0) {
      settle(section, 'empty', 'The resolution index holds no families for this query.');
      return;
    }
    // Shown before drawing: Chart.js sizes the canvas from its visible container.
    settle(section, 'ready');
    DRAW[section.dataset.panel](section, statistics);
  }

  function loadPanels(token) {
    for (const section of document.querySelectorAll('[data-panel]')) {
      const chart = Chart.getChart(section.querySelector('canvas'));
      if (chart) chart.destroy();
      section.dataset.state = 'loading';
      section.querySelector('.loading').hidden = false;
      loadPanel(section, token).catch((error) => settle(section, 'error', `The chart could not be drawn: ${error.message}`));
    }
  }

  const form = document.getElementById('token-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = form.elements.token.value.trim();
    if (token === '') return;
    sessionStorage.setItem(TOKEN_KEY, token);
    form.elements.token.value = '';
    loadPanels(token);
  });
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    loadPanels(saved);
  } else {
    for (const section of document.querySelectorAll('[data-panel]')) {
      settle(section, 'waiting', 'Paste a token with the statistics scope (analyst or caseworker) above.');
    }
  }
})();
