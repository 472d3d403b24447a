// Capacity: resource utilisation by week as a heatmap (resources x weeks), the resources with their horizon
// utilisation, and one resource's daily load against its capacity.
import { api } from '../api.js';
import { showError } from '../banner.js';
import { COLORS, draw } from '../charts.js';
import { card, field, h, replace, select, table } from '../dom.js';
import { rate } from '../format.js';
import { on } from '../state.js';

const els = {};
let weeks = 26;
let site = '';
let chosen = '';
let resources = [];

async function renderHeatmap() {
  const data = await api.heatmap(weeks);
  const siteOf = new Map(resources.map((r) => [r.code, r.site]));
  const rows = (data.resources || []).map((name, i) => [name, data.utilisation[i] || []]).filter(([name]) => !site || siteOf.get(name) === site);
  const names = rows.map(([name]) => name);
  const cols = data.weeks || [];
  const cells = [];
  rows.forEach(([, values], y) => values.forEach((v, x) => cells.push([x, y, v])));
  els.heatmap.style.height = `${Math.max(220, names.length * (names.length > 30 ? 16 : 22) + 90)}px`;
  const chart = draw(
    els.heatmap,
    {
      grid: { left: 130, right: 20, top: 10, bottom: 70 },
      tooltip: {
        position: 'top',
        formatter: (p) => `${names[p.value[1]]}<br>week of ${cols[p.value[0]]}: <b>${rate(p.value[2], 0)}</b>`,
      },
      xAxis: { type: 'category', data: cols, splitArea: { show: false }, axisLabel: { formatter: (v) => v.slice(5), fontSize: 10 } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 10 } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 14,
        itemHeight: 10,
        textStyle: { fontSize: 11 },
        pieces: [
          { lt: 0.005, label: 'idle', color: '#f1f5f9' },
          { gte: 0.005, lt: 0.5, label: '< 50%', color: '#c7dbf7' },
          { gte: 0.5, lt: 0.8, label: '50–80%', color: '#7fb0ef' },
          { gte: 0.8, lt: 0.95, label: '80–95%', color: '#2f6fd6' },
          { gte: 0.95, lte: 1.0001, label: '95–100%', color: '#f59e0b' },
          { gt: 1.0001, label: 'over 100%', color: '#dc2626' },
        ],
      },
      series: [
        {
          name: 'utilisation',
          type: 'heatmap',
          data: cells,
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1 } },
        },
      ],
    },
    cells.length,
  );
  chart.off('click');
  chart.on('click', (p) => {
    if (p.value) chooseResource(names[p.value[1]]);
  });
  chart.resize();
}

function renderResources() {
  const sorted = [...resources].sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0));
  replace(
    els.resourceTable,
    table(
      [
        { label: 'Resource', value: (r) => h('code', {}, r.code), title: (r) => r.name },
        { label: 'Site', value: (r) => r.site },
        {
          label: 'Utilisation',
          value: (r) =>
            h(
              'span',
              { class: 'util' },
              h('span', { class: 'util-bar' }, h('span', { class: `util-fill${r.utilisation > 0.95 ? ' hot' : ''}`, style: { width: `${Math.min(100, (r.utilisation || 0) * 100)}%` } })),
              rate(r.utilisation, 0),
            ),
        },
      ],
      sorted,
      { class: 'compact', testid: 'resources-table', onRow: (r) => chooseResource(r.code) },
    ),
  );
  for (const tr of els.resourceTable.querySelectorAll('tbody tr')) {
    const code = tr.querySelector('code')?.textContent;
    tr.classList.toggle('selected', code === chosen);
  }
}

async function chooseResource(code) {
  chosen = code;
  els.resourceSelect.value = code;
  renderResources();
  try {
    const data = await api.resourceLoad(code);
    const days = data.days || [];
    const meta = resources.find((r) => r.code === code);
    els.loadTitle.textContent = `${code}${meta ? ` · ${meta.name} at ${meta.site}${meta.capacity_per_day !== undefined ? `, ${meta.capacity_per_day} a day` : ''}` : ''}`;
    draw(
      els.loadChart,
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, itemWidth: 14, itemHeight: 8 },
        grid: { left: 48, right: 20, top: 34, bottom: 60 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef0f3' } } },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: [
          {
            name: 'load',
            type: 'bar',
            barWidth: '90%',
            data: days.map((d) => ({ value: [d.date, d.load], itemStyle: { color: d.load > d.capacity + 1e-9 ? COLORS.over : COLORS.load } })),
          },
          { name: 'capacity', type: 'line', step: 'end', showSymbol: false, data: days.map((d) => [d.date, d.capacity]), itemStyle: { color: COLORS.capacity } },
        ],
      },
      days.length,
    );
  } catch (e) {
    showError(e, `load of ${code}`);
  }
}

async function loadAll() {
  resources = await api.resources();
  const sites = [...new Set(resources.map((r) => r.site))].sort();
  els.site.replaceChildren(h('option', { value: '' }, 'all sites'), ...sites.map((s) => h('option', { value: s }, s)));
  els.site.value = sites.includes(site) ? site : '';
  els.resourceSelect.replaceChildren(...resources.map((r) => h('option', { value: r.code }, `${r.code} · ${r.name}`)));
  renderResources();
  await renderHeatmap();
  const first = chosen && resources.some((r) => r.code === chosen) ? chosen : [...resources].sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0))[0]?.code;
  if (first) await chooseResource(first);
}

export const capacity = {
  async mount(section) {
    els.heatmap = h('div', { class: 'chart chart-heatmap', 'data-testid': 'chart-heatmap', role: 'img', 'aria-label': 'Resource utilisation by week' });
    els.weeks = select(
      [
        ['13', '13 weeks'],
        ['26', '26 weeks'],
        ['52', '52 weeks'],
        ['104', '104 weeks'],
      ],
      { 'data-testid': 'heatmap-weeks' },
    );
    els.weeks.value = String(weeks);
    els.weeks.addEventListener('change', () => {
      weeks = Number(els.weeks.value);
      renderHeatmap().catch((e) => showError(e, 'heatmap'));
    });
    els.site = select([['', 'all sites']], { 'data-testid': 'heatmap-site' });
    els.site.addEventListener('change', () => {
      site = els.site.value;
      renderHeatmap().catch((e) => showError(e, 'heatmap'));
    });
    els.resourceTable = h('div', { class: 'scroll-y' });
    els.resourceSelect = select([], { 'data-testid': 'resource-select' });
    els.resourceSelect.addEventListener('change', () => chooseResource(els.resourceSelect.value));
    els.loadTitle = h('span', { class: 'muted' });
    els.loadChart = h('div', { class: 'chart', 'data-testid': 'chart-load', role: 'img', 'aria-label': 'Daily load and capacity' });
    replace(
      section,
      h('header', { class: 'view-head' }, h('h1', {}, 'Capacity')),
      card('Utilisation by week (load / capacity)', els.heatmap, { tools: h('div', { class: 'tools' }, field('Site', els.site), field('Weeks', els.weeks)) }),
      h(
        'div',
        { class: 'row two-one' },
        card('Daily load and capacity', [els.loadTitle, els.loadChart], { tools: field('Resource', els.resourceSelect) }),
        card('Resources over the horizon', els.resourceTable),
      ),
    );
    on('plan', () => loadAll().catch((e) => showError(e, 'capacity')));
    await loadAll();
  },
};
