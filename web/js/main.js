// The dashboard shell: the sidebar, hash routing between the five views (each rendered on first visit) and the
// plan information in the sidebar.
import { h, replace } from './dom.js';
import { showError } from './banner.js';
import { resizeVisible } from './charts.js';
import { loadMeta, loadScenarios, loadSummary, on } from './state.js';
import { overview } from './views/overview.js';
import { orders } from './views/orders.js';
import { capacity } from './views/capacity.js';
import { promise } from './views/promise.js';
import { scenarios } from './views/scenarios.js';

const VIEWS = { overview, orders, capacity, promise, scenarios };
const mounted = new Set();
let lastView = '';

function currentView() {
  const name = location.hash.replace(/^#/, '').split('/')[0];
  return VIEWS[name] ? name : 'overview';
}

async function show() {
  const name = currentView();
  for (const [key] of Object.entries(VIEWS)) {
    document.getElementById(`view-${key}`).hidden = key !== name;
  }
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (name !== lastView) window.scrollTo(0, 0);
  lastView = name;
  const view = VIEWS[name];
  document.title = `takt · ${name[0].toUpperCase()}${name.slice(1)}`;
  const section = document.getElementById(`view-${name}`);
  try {
    if (!mounted.has(name)) {
      mounted.add(name);
      if (!section.childElementCount) replace(section, h('p', { class: 'muted' }, 'loading…'));
      try {
        await view.mount(section);
      } catch (e) {
        mounted.delete(name); // mount again on the next visit
        throw e;
      }
    } else if (view.shown) {
      await view.shown();
    }
  } catch (e) {
    showError(e, `${name} view`);
  }
  resizeVisible();
}

function renderPlanInfo(summary) {
  const d = summary.dataset || {};
  const p = summary.plan || {};
  const row = (k, v) => [h('dt', {}, k), h('dd', {}, v ?? '—')];
  replace(
    document.getElementById('plan-info'),
    row('dataset', `${d.name ?? '—'} v${d.version ?? '?'}`),
    row('plan start', d.plan_start),
    row('plan', `v${p.version ?? '?'} · ${p.policy ?? ''}`),
    row('licences', p.licence_policy),
    row('planned', p.created_at ? p.created_at.replace('T', ' ').replace(/:\d\dZ$/, 'Z') : '—'),
  );
}

async function start() {
  on('summary', renderPlanInfo);
  try {
    // Every view needs the summary (currency, quarters); the lists of /api/meta (large on big datasets) are
    // asked for now but only the views with filters and forms wait for them.
    loadMeta().catch((e) => showError(e, 'loading the filter lists'));
    await Promise.all([loadSummary(), loadScenarios()]);
  } catch (e) {
    showError(e, 'loading the plan');
    return;
  }
  window.addEventListener('hashchange', show);
  await show();
  document.body.dataset.ready = 'true';
}

start();
