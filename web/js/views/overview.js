// Overview: KPI tiles, revenue and margin by quarter (base vs a chosen scenario), the backlog burn-down, the
// quarter table and the top constraints.
import { api } from '../api.js';
import { showError } from '../banner.js';
import { COLORS, draw, moneyAxis } from '../charts.js';
import { badge, card, field, h, replace, select, setOptions, table } from '../dom.js';
import { int, money, moneyDelta, moneyFull, pct, rate, reasonLabel } from '../format.js';
import { on, plannedScenarios, store } from '../state.js';

let root;
let scenarioSelect;
let chosen = '';
let comparison = null;
const els = {};

function tile(id, label, value, sub, opts = {}) {
  return h(
    'div',
    { class: `kpi ${opts.tone ? `kpi-${opts.tone}` : ''}`, 'data-testid': `kpi-${id}`, title: opts.title },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value', 'data-testid': `kpi-${id}-value` }, value),
    h('div', { class: 'kpi-sub' }, sub || '\u00a0'),
  );
}

function quarterDelta(code) {
  if (!comparison) return null;
  const q = comparison.quarters.find((x) => x.code === code);
  return q ? q.revenue_scenario - q.revenue_base : null;
}

function renderTiles() {
  const k = store.summary.kpis;
  const dThis = quarterDelta(k.this_quarter);
  const dNext = quarterDelta(k.next_quarter);
  const scen = (code, d) => (d === null ? `${code ?? ''} revenue` : `${code ?? ''} · Δ ${moneyDelta(d)}`);
  replace(
    els.tiles,
    tile('backlog', 'Backlog', money(k.backlog), `${int(k.lines)} open lines`, { title: moneyFull(k.backlog) }),
    tile('revenue-this', 'This quarter', money(k.revenue_this_quarter), scen(k.this_quarter, dThis), {
      title: `${k.this_quarter} revenue ${moneyFull(k.revenue_this_quarter)}${dThis === null ? '' : `; ${chosen}: ${moneyDelta(dThis)}`}`,
    }),
    tile('revenue-next', 'Next quarter', money(k.revenue_next_quarter), scen(k.next_quarter, dNext), {
      title: `${k.next_quarter} revenue ${moneyFull(k.revenue_next_quarter)}${dNext === null ? '' : `; ${chosen}: ${moneyDelta(dNext)}`}`,
    }),
    tile('margin', 'Margin', money(k.margin), `${pct(k.margin_pct)} of revenue`, { title: moneyFull(k.margin) }),
    tile('on-time-lines', 'On time · lines', rate(k.on_time_rate), `${int(k.lines_on_time)} of ${int(k.lines)} lines`, {
      tone: k.on_time_rate < 0.5 ? 'warn' : 'good',
    }),
    tile('on-time-value', 'On time · value', rate(k.on_time_value_rate), 'of backlog value', {
      tone: k.on_time_value_rate < 0.5 ? 'warn' : 'good',
    }),
    tile('late', 'Late lines', int(k.lines_late), `avg ${k.avg_days_late === null || k.avg_days_late === undefined ? '—' : Number(k.avg_days_late).toFixed(0)} days late`, {
      tone: 'warn',
    }),
    tile('unplanned', 'Unplanned lines', int(k.lines_unplanned), `${money(k.unplanned_value)} value`, { tone: k.lines_unplanned ? 'bad' : 'good' }),
  );
}

function renderQuarterChart() {
  const vs = comparison ? ` · base vs ${chosen}` : '';
  els.vsQuarters.textContent = vs;
  els.vsBurn.textContent = vs;
  const quarters = store.summary.quarters;
  const codes = quarters.map((q) => q.code);
  const byCode = new Map((comparison ? comparison.quarters : []).map((q) => [q.code, q]));
  const series = [
    { name: 'Revenue · base', type: 'bar', data: quarters.map((q) => q.revenue), itemStyle: { color: COLORS.base }, barMaxWidth: 26 },
    {
      name: 'Margin · base',
      type: 'line',
      yAxisIndex: 1,
      data: quarters.map((q) => q.margin),
      itemStyle: { color: COLORS.margin },
      symbolSize: 5,
    },
  ];
  if (comparison) {
    series.splice(1, 0, {
      name: 'Revenue · scenario',
      type: 'bar',
      data: codes.map((c) => (byCode.has(c) ? byCode.get(c).revenue_scenario : null)),
      itemStyle: { color: COLORS.scenario },
      barMaxWidth: 26,
    });
    series.push({
      name: 'Margin · scenario',
      type: 'line',
      yAxisIndex: 1,
      data: codes.map((c) => (byCode.has(c) ? byCode.get(c).margin_scenario : null)),
      itemStyle: { color: COLORS.marginScenario },
      lineStyle: { type: 'dashed' },
      symbolSize: 5,
    });
  }
  draw(
    els.quarterChart,
    {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(v) },
      legend: { top: 0, itemWidth: 14, itemHeight: 8 },
      grid: { left: 64, right: 64, top: 34, bottom: 28 },
      xAxis: { type: 'category', data: codes },
      yAxis: [{ ...moneyAxis }, { ...moneyAxis, splitLine: { show: false } }],
      series,
    },
    quarters.length,
  );
}

async function renderBurndown() {
  const data = await api.burndown(chosen || undefined);
  const points = data.points || [];
  const series = [
    {
      name: 'Open backlog · base',
      type: 'line',
      showSymbol: false,
      data: points.map((p) => [p.date, p.backlog]),
      itemStyle: { color: COLORS.base },
      areaStyle: { opacity: 0.08 },
    },
  ];
  if (chosen && Array.isArray(data.scenario_points)) {
    series.push({
      name: 'Open backlog · scenario',
      type: 'line',
      showSymbol: false,
      data: data.scenario_points.map((p) => [p.date, p.backlog]),
      itemStyle: { color: COLORS.scenario },
      lineStyle: { type: 'dashed' },
    });
  }
  draw(
    els.burnChart,
    {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(v) },
      legend: { top: 0, itemWidth: 14, itemHeight: 8 },
      xAxis: { type: 'time' },
      yAxis: { ...moneyAxis },
      series,
    },
    points.length,
  );
}

function renderTables() {
  const s = store.summary;
  replace(
    els.quarterTable,
    table(
      [
        { label: 'Quarter', value: (q) => q.code, title: (q) => `${q.start} – ${q.end}` },
        { label: 'Revenue', value: (q) => money(q.revenue), class: 'num', title: (q) => moneyFull(q.revenue) },
        { label: 'Margin', value: (q) => money(q.margin), class: 'num', title: (q) => moneyFull(q.margin) },
        { label: 'Margin %', value: (q) => (q.revenue ? pct((100 * q.margin) / q.revenue) : '—'), class: 'num' },
        { label: 'Units', value: (q) => int(q.units), class: 'num' },
        { label: 'Lines', value: (q) => int(q.lines), class: 'num' },
        { label: 'Backlog end', value: (q) => money(q.backlog_end), class: 'num' },
      ],
      s.quarters,
      { testid: 'quarter-table', class: 'compact' },
    ),
  );
  replace(
    els.constraints,
    table(
      [
        { label: 'Constraint', value: (c) => [h('code', {}, c.key), h('div', { class: 'sub-text' }, c.reason)], class: 'wrap' },
        { label: 'Reason', value: (c) => badge(reasonLabel(c.reason_code), 'reason') },
        { label: 'Lines', value: (c) => int(c.lines), class: 'num' },
        { label: 'Value', value: (c) => money(c.value), class: 'num', title: (c) => moneyFull(c.value) },
      ],
      s.top_constraints || [],
      { testid: 'constraints-table', class: 'compact', empty: 'no line is constrained' },
    ),
  );
}

function refreshScenarioOptions() {
  const names = plannedScenarios().map((s) => s.name);
  if (chosen && !names.includes(chosen)) {
    chosen = '';
    comparison = null;
  }
  setOptions(scenarioSelect, [['', names.length ? 'base plan only' : 'base plan only (no scenario run yet)'], ...names]);
  scenarioSelect.value = chosen;
}

async function choose(name) {
  chosen = name;
  comparison = null;
  try {
    if (chosen) comparison = await api.comparison(chosen);
  } catch (e) {
    showError(e, `comparison of ${chosen}`);
  }
  renderTiles();
  renderQuarterChart();
  try {
    await renderBurndown();
  } catch (e) {
    showError(e, 'burn-down');
  }
}

async function renderAll() {
  renderTiles();
  renderQuarterChart();
  renderTables();
  await renderBurndown();
}

export const overview = {
  async mount(section) {
    root = section;
    scenarioSelect = select([], { 'data-testid': 'overview-scenario' });
    scenarioSelect.addEventListener('change', () => choose(scenarioSelect.value));
    els.tiles = h('div', { class: 'kpis', 'data-testid': 'kpis' });
    els.vsQuarters = h('span', { class: 'vs' });
    els.vsBurn = h('span', { class: 'vs' });
    els.quarterChart = h('div', { class: 'chart', 'data-testid': 'chart-quarters', role: 'img', 'aria-label': 'Revenue and margin by quarter' });
    els.burnChart = h('div', { class: 'chart', 'data-testid': 'chart-burndown', role: 'img', 'aria-label': 'Backlog burn-down' });
    els.quarterTable = h('div', { class: 'scroll-x' });
    els.constraints = h('div', { class: 'scroll-x' });
    replace(
      root,
      h('header', { class: 'view-head' }, h('h1', {}, 'Overview'), h('div', { class: 'tools' }, field('Compare with scenario', scenarioSelect, { inline: false }))),
      els.tiles,
      h(
        'div',
        { class: 'row two' },
        card(['Revenue and margin by quarter', els.vsQuarters], els.quarterChart),
        card(['Backlog burn-down', els.vsBurn], els.burnChart),
      ),
      h('div', { class: 'row two' }, card('Quarters', els.quarterTable), card('Top constraints', els.constraints)),
    );
    refreshScenarioOptions();
    on('scenarios', refreshScenarioOptions);
    on('plan', () => renderAll().catch((e) => showError(e, 'overview')));
    await renderAll();
    await takeRequestedScenario();
  },
  /** Back on the overview: a scenario view's "Overview" link asks to compare with that scenario. */
  async shown() {
    await takeRequestedScenario();
  },
};

async function takeRequestedScenario() {
  const name = sessionStorage.getItem('takt.compare');
  if (!name) return;
  sessionStorage.removeItem('takt.compare');
  refreshScenarioOptions();
  if (plannedScenarios().some((s) => s.name === name)) {
    scenarioSelect.value = name;
    await choose(name);
  }
}
