// ECharts (loaded as /vendor/echarts/echarts.min.js, the global `echarts`) with one look for every chart.
import { money } from './format.js';

/** Axis labels: $3.5B rather than $3.50B. */
export function axisMoney(v) {
  return money(v).replace(/\.0+(?=[KMBT]$)|(\.\d*?)0+(?=[KMBT]$)/, '$1');
}

export const COLORS = {
  base: '#2563eb',
  scenario: '#f59e0b',
  margin: '#0f766e',
  marginScenario: '#c2410c',
  shipped: '#16a34a',
  capacity: '#64748b',
  load: '#2563eb',
  over: '#dc2626',
};

const charts = new Set();

/** Creates (or returns) the chart of an element; the element keeps data-chart="ready" once it has data. */
export function chartOf(el) {
  const existing = window.echarts.getInstanceByDom(el);
  if (existing) return existing;
  const chart = window.echarts.init(el, null, { renderer: 'canvas' });
  charts.add(chart);
  return chart;
}

/** Sets a chart's option (replacing series) and marks the element as rendered with n data points. */
export function draw(el, option, points) {
  const chart = chartOf(el);
  chart.setOption({ ...BASE, ...option }, { notMerge: true });
  el.dataset.points = String(points);
  return chart;
}

/** Resizes the charts whose element is visible (after a view switch or a window resize). */
export function resizeVisible() {
  for (const chart of charts) {
    const el = chart.getDom();
    if (el.offsetParent !== null) chart.resize();
  }
}

window.addEventListener('resize', () => resizeVisible());

const BASE = {
  animationDuration: 300,
  textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: 11 },
  grid: { left: 64, right: 20, top: 36, bottom: 30, containLabel: false },
};

export const moneyAxis = {
  type: 'value',
  axisLabel: { formatter: axisMoney },
  splitLine: { lineStyle: { color: '#eef0f3' } },
};
