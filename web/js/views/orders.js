// Orders: the late-orders table (filters from /api/meta, search, sortable columns, one page at a time) and the
// drill-down of one line (#orders/ORDER/LINE): why it is late, shipments, work orders, pegging and its BOM with
// the binding path highlighted.
import { api } from '../api.js';
import { showError } from '../banner.js';
import { badge, card, combo, debounce, field, h, replace, select, table } from '../dom.js';
import { date, int, money, moneyFull, reasonLabel, statusLabel } from '../format.js';
import { loadMeta, on, store } from '../state.js';

const DEFAULTS = { status: 'late,unplanned', customer: '', item: '', site: '', quarter: '', reason: '', q: '' };
const state = { ...DEFAULTS, sort: 'value', dir: 'desc', offset: 0, limit: 50 };
let seq = 0;
let openKey = '';
const els = {};
const controls = {};

const COLUMNS = [
  { key: 'order', label: 'Order / line', sort: 'order', value: (r) => h('span', { class: 'order-ref' }, r.order, h('span', { class: 'muted' }, ` / ${r.line}`)) },
  { key: 'customer', label: 'Customer', sort: 'customer', value: (r) => r.customer, class: 'clip', title: (r) => r.customer },
  { key: 'item', label: 'Item', sort: 'item', value: (r) => r.item, class: 'clip', title: (r) => r.item },
  { key: 'qty', label: 'Qty', value: (r) => int(r.qty), class: 'num' },
  { key: 'ship_to', label: 'To', value: (r) => r.ship_to },
  { key: 'site', label: 'Site', value: (r) => r.site ?? '—' },
  { key: 'request', label: 'Request', sort: 'request', value: (r) => date(r.request), class: 'date' },
  { key: 'planned', label: 'Planned', sort: 'planned', value: (r) => date(r.planned), class: 'date' },
  { key: 'days_late', label: 'Late', sort: 'days_late', value: (r) => (r.days_late === null || r.days_late === undefined ? '—' : `${int(r.days_late)}d`), class: 'num', title: () => 'days late' },
  { key: 'value', label: 'Value', sort: 'value', value: (r) => money(r.value), class: 'num', title: (r) => moneyFull(r.value) },
  { key: 'status', label: 'Status', value: (r) => badge(statusLabel(r.status), r.status) },
  {
    key: 'reason',
    label: 'Reason',
    value: (r) => (r.reason_code ? [badge(reasonLabel(r.reason_code), 'reason'), ' ', r.reason] : ''),
    class: 'reason-col',
    title: (r) => r.reason || null,
  },
];

function params() {
  const p = {};
  for (const k of Object.keys(DEFAULTS)) p[k] = state[k];
  return { ...p, sort: state.sort, dir: state.dir, offset: state.offset, limit: state.limit };
}

async function load() {
  const mine = ++seq;
  els.tableWrap.classList.add('loading');
  try {
    const data = await api.orders(params());
    if (mine !== seq) return;
    renderTable(data);
  } catch (e) {
    if (mine === seq) showError(e, 'orders');
  } finally {
    if (mine === seq) els.tableWrap.classList.remove('loading');
  }
}

function header(col) {
  if (!col.sort) return h('th', { scope: 'col', class: col.class }, col.label);
  const active = state.sort === col.sort;
  const arrow = active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '';
  return h(
    'th',
    { scope: 'col', class: `${col.class || ''} sortable`, 'aria-sort': active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none' },
    h(
      'button',
      {
        type: 'button',
        class: 'th-sort',
        'data-testid': `sort-${col.sort}`,
        onclick: () => {
          if (state.sort === col.sort) state.dir = state.dir === 'asc' ? 'desc' : 'asc';
          else {
            state.sort = col.sort;
            state.dir = ['value', 'days_late'].includes(col.sort) ? 'desc' : 'asc';
          }
          state.offset = 0;
          load();
        },
      },
      col.label,
      arrow,
    ),
  );
}

function renderTable(data) {
  const rows = data.rows || [];
  const body = h('tbody');
  if (!rows.length) body.append(h('tr', { class: 'empty' }, h('td', { colspan: COLUMNS.length }, 'no order line matches these filters')));
  for (const r of rows) {
    const key = `${r.order}/${r.line}`;
    const tr = h(
      'tr',
      {
        class: `clickable${key === openKey ? ' selected' : ''}`,
        tabindex: 0,
        'data-testid': 'order-row',
        'data-key': key,
        onclick: () => openLine(r.order, r.line),
        onkeydown: (e) => {
          if (e.key === 'Enter') openLine(r.order, r.line);
        },
      },
      COLUMNS.map((c) => h('td', { class: c.class, 'data-col': c.key, title: c.title ? c.title(r) : null }, c.value(r))),
    );
    body.append(tr);
  }
  replace(
    els.tableWrap,
    h('table', { class: 'grid orders', 'data-testid': 'orders-table' }, h('thead', {}, h('tr', {}, COLUMNS.map(header))), body),
  );
  const total = data.total ?? 0;
  const first = total ? data.offset + 1 : 0;
  const last = data.offset + rows.length;
  els.count.textContent = `${int(total)} line${total === 1 ? '' : 's'}`;
  els.count.dataset.total = String(total);
  els.pageInfo.textContent = `${int(first)}–${int(last)} of ${int(total)}`;
  els.prev.disabled = els.first.disabled = data.offset <= 0;
  els.next.disabled = els.last.disabled = last >= total;
  els.lastTotal = total;
}

function setFilter(key, value) {
  state[key] = value;
  state.offset = 0;
  load();
}

function buildFilters() {
  const m = store.meta;
  const opt = (list, all) => [['', all], ...list];
  controls.q = h('input', { type: 'search', placeholder: 'order, customer or item', 'data-testid': 'filter-q', autocomplete: 'off' });
  controls.q.addEventListener('input', debounce(() => setFilter('q', controls.q.value.trim()), 250));
  controls.status = select(
    [
      ['late,unplanned', 'late + unplanned'],
      ['', 'all'],
      ...(m.statuses || []).map((s) => [s, statusLabel(s)]),
    ],
    { 'data-testid': 'filter-status' },
  );
  controls.customer = combo(
    (m.customers || []).map((c) => c.code),
    { placeholder: 'all customers', 'data-testid': 'filter-customer' },
  );
  controls.customer.addEventListener('change', () => {
    controls.customer.value = controls.customer.known();
    setFilter('customer', controls.customer.value);
  });
  controls.item = select(
    opt((m.items || []).filter((i) => i.sellable).map((i) => [i.code, i.code]), 'all items'),
    { 'data-testid': 'filter-item' },
  );
  controls.site = select(opt((m.sites || []).map((s) => [s.code, `${s.code} · ${s.name}`]), 'all sites'), { 'data-testid': 'filter-site' });
  controls.quarter = select(opt(m.quarters || [], 'any quarter'), { 'data-testid': 'filter-quarter' });
  controls.reason = select(opt((m.reason_codes || []).map((r) => [r, reasonLabel(r)]), 'any reason'), { 'data-testid': 'filter-reason' });
  for (const key of ['status', 'item', 'site', 'quarter', 'reason']) {
    controls[key].value = state[key];
    controls[key].addEventListener('change', () => setFilter(key, controls[key].value));
  }
  controls.limit = select(['25', '50', '100', '200'], { 'data-testid': 'page-size' });
  controls.limit.value = String(state.limit);
  controls.limit.addEventListener('change', () => {
    state.limit = Number(controls.limit.value);
    state.offset = 0;
    load();
  });
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      'data-testid': 'filter-reset',
      onclick: () => {
        Object.assign(state, DEFAULTS, { offset: 0 });
        for (const key of Object.keys(DEFAULTS)) controls[key].value = state[key];
        load();
      },
    },
    'Reset',
  );
  return h(
    'div',
    { class: 'filters', role: 'search' },
    field('Search', controls.q, { wide: true }),
    field('Status', controls.status),
    field('Customer', controls.customer),
    field('Item', controls.item),
    field('Site', controls.site),
    field('Planned quarter', controls.quarter),
    field('Reason', controls.reason),
    h('div', { class: 'field field-button' }, reset),
  );
}

function buildPager() {
  const go = (offset) => {
    state.offset = Math.max(0, offset);
    load();
  };
  els.first = h('button', { type: 'button', class: 'btn', 'aria-label': 'First page', onclick: () => go(0) }, '«');
  els.prev = h('button', { type: 'button', class: 'btn', 'data-testid': 'page-prev', onclick: () => go(state.offset - state.limit) }, '‹ Prev');
  els.next = h('button', { type: 'button', class: 'btn', 'data-testid': 'page-next', onclick: () => go(state.offset + state.limit) }, 'Next ›');
  els.last = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      'aria-label': 'Last page',
      onclick: () => go(Math.floor(Math.max(0, (els.lastTotal || 1) - 1) / state.limit) * state.limit),
    },
    '»',
  );
  els.pageInfo = h('span', { class: 'page-info', 'data-testid': 'page-info' });
  return h('div', { class: 'pager' }, field('Rows per page', controls.limit), els.first, els.prev, els.pageInfo, els.next, els.last);
}

// ---- drill-down ----

const SOURCE_KINDS = { on_hand: 'on hand', onhand: 'on hand', receipt: 'receipt', purchase: 'purchase', work_order: 'work order' };
function sourceKind(k) {
  return SOURCE_KINDS[k] || k || '';
}

function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]),
  );
}

function constraintText(c) {
  if (!c || typeof c !== 'object') return null;
  const entries = Object.entries(c).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return facts(entries.map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]));
}

/**
 * One BOM node. The server marks the constraint itself with `binding` and the nodes above it with
 * `on_binding_path`; without `on_binding_path`, `binding` marks the whole path and the constraint is its deepest
 * node. Quantities: `supply_by_request` (or `available_by_request`) and `on_hand_at_request` when given.
 */
function bomTree(node, depth = 0) {
  const kids = node.children || [];
  const twoFlags = 'on_binding_path' in node;
  const onPath = twoFlags ? !!node.on_binding_path : !!node.binding;
  const isBinding = twoFlags ? !!node.binding : !!node.binding && !kids.some((c) => c.binding);
  const supply = node.supply_by_request ?? node.available_by_request;
  const short = supply !== null && supply !== undefined && !node.make && supply < node.qty;
  const steps = node.steps || [];
  const label = h(
    'span',
    { class: `bom-node${onPath ? ' on-path' : ''}${isBinding ? ' binding' : ''}`, 'data-testid': onPath ? 'bom-binding' : null },
    h('code', {}, node.item),
    h('span', { class: 'bom-desc', title: node.description || '' }, node.description || ''),
    h('span', { class: 'bom-qty', title: 'quantity per parent unit → quantity for this line' }, `${depth ? `×${node.qty_per} → ` : ''}${int(node.qty)}`),
    h('span', { class: `tag ${node.make ? 'tag-make' : 'tag-buy'}` }, node.make ? 'make' : 'buy'),
    node.site ? h('span', { class: 'bom-site' }, node.site) : null,
    node.lead_time_days !== undefined && node.lead_time_days !== null ? h('span', { class: 'bom-site', title: 'lead time' }, `LT ${node.lead_time_days}d`) : null,
    supply !== null && supply !== undefined && !node.make
      ? h(
          'span',
          {
            class: `bom-avail${short ? ' short' : ''}`,
            title: `supply at ${node.site || 'the site'} by the request date${node.on_hand_at_request !== undefined ? `; projected on hand then after the plan: ${node.on_hand_at_request}` : ''}`,
          },
          `supply by request ${int(supply)}`,
        )
      : null,
    steps.length
      ? h(
          'span',
          { class: 'bom-steps' },
          steps.map((st) => h('span', { class: `op${st.binding ? ' op-binding' : ''}`, title: `step ${st.step}: ${st.resource}, ${st.days} day(s)${st.binding ? ' — full: binds this line' : ''}` }, `${st.step} ${st.resource}`)),
        )
      : null,
    isBinding ? badge('binding', 'late') : null,
  );
  if (!kids.length) return h('li', {}, h('div', { class: 'bom-leaf' }, label));
  return h(
    'li',
    {},
    h('details', { open: onPath || depth === 0 }, h('summary', {}, label), h('ul', {}, sortedKids(kids).map((k) => bomTree(k, depth + 1)))),
  );
}

/** The binding path first, then makes, then buys. */
function sortedKids(kids) {
  const rank = (n) => ((n.on_binding_path ?? n.binding) ? 0 : n.make ? 1 : 2);
  return [...kids].sort((a, b) => rank(a) - rank(b));
}

function renderDetail(d) {
  const why = d.why || {};
  const late = d.status !== 'on_time';
  const sections = [
    h(
      'div',
      { class: `why ${late ? 'why-late' : 'why-ok'}`, 'data-testid': 'drill-reason' },
      h('div', { class: 'why-head' }, late ? 'Why it is ' + statusLabel(d.status) : 'On time', why.reason_code || d.reason_code ? badge(reasonLabel(why.reason_code || d.reason_code), 'reason') : null),
      h('p', { class: 'why-text' }, why.reason || d.reason || (late ? 'no reason given' : `ships ${date(d.planned)}, requested ${date(d.request)}`)),
      constraintText(why.constraint),
    ),
    facts([
      ['Customer', d.customer],
      ['Item', d.item],
      ['Qty', `${int(d.qty)} (shipped ${int(d.shipped)})`],
      ['Value', money(d.value)],
      ['Ship to', d.ship_to],
      ['Site', d.site],
      ['Request', date(d.request)],
      ['Planned', date(d.planned)],
      ['Days late', d.days_late === null ? '—' : int(d.days_late)],
      ['Revenue quarter', d.quarter],
      ['Priority', d.priority],
    ]),
    why.bom
      ? h('section', { class: 'drill-section', 'data-testid': 'drill-bom' }, h('h3', {}, 'Bill of material', h('span', { class: 'muted' }, ' · binding path highlighted')), h('ul', { class: 'bom' }, bomTree(why.bom)))
      : null,
    h(
      'section',
      { class: 'drill-section' },
      h('h3', {}, `Shipments (${(d.shipments || []).length})`),
      table(
        [
          { label: 'Date', value: (s) => s.date },
          { label: 'Site', value: (s) => s.site },
          { label: 'Qty', value: (s) => int(s.qty), class: 'num' },
          { label: 'Value', value: (s) => money(s.value), class: 'num' },
        ],
        d.shipments || [],
        { class: 'compact', empty: 'no shipment planned', testid: 'drill-shipments', limit: 40 },
      ),
    ),
    h(
      'section',
      { class: 'drill-section' },
      h('h3', {}, `Work orders (${(d.work_orders || []).length})`),
      table(
        [
          { label: 'Item', value: (w) => w.item },
          { label: 'Site', value: (w) => w.site },
          { label: 'Qty', value: (w) => int(w.qty), class: 'num' },
          { label: 'Start', value: (w) => w.start, class: 'date' },
          { label: 'End', value: (w) => w.end, class: 'date' },
          {
            label: 'Operations',
            value: (w) =>
              h(
                'span',
                { class: 'ops' },
                (w.operations || []).map((o) => h('span', { class: 'op', title: `step ${o.step}: ${o.start} – ${o.end}` }, `${o.step} ${o.resource} ${o.start.slice(5)}${o.end !== o.start ? `–${o.end.slice(5)}` : ''}`)),
              ),
            class: 'wrap',
          },
        ],
        d.work_orders || [],
        { class: 'compact', empty: 'no work order', testid: 'drill-work-orders', limit: 40 },
      ),
    ),
    h(
      'section',
      { class: 'drill-section' },
      h('h3', {}, `Pegging (${(d.pegging || []).length})`),
      table(
        [
          { label: 'Item', value: (p) => p.item },
          { label: 'Site', value: (p) => p.site },
          { label: 'Date', value: (p) => p.date, class: 'date' },
          { label: 'Qty', value: (p) => int(p.qty), class: 'num' },
          { label: 'Source', value: (p) => h('span', {}, h('span', { class: 'tag' }, sourceKind(p.source_kind)), ' ', p.source ?? '') },
        ],
        d.pegging || [],
        { class: 'compact', empty: 'nothing pegged', testid: 'drill-pegging', limit: 40 },
      ),
    ),
  ];
  replace(
    els.drawerBody,
    h('div', { class: 'drawer-title' }, h('h2', {}, `${d.order} / ${d.line}`), badge(statusLabel(d.status), d.status)),
    sections,
  );
}

async function openLine(order, line) {
  const hash = `#orders/${encodeURIComponent(order)}/${line}`;
  if (location.hash !== hash) {
    location.hash = hash; // show() calls shown(), which opens it
    return;
  }
  await showLine(order, line);
}

async function showLine(order, line) {
  openKey = `${order}/${line}`;
  for (const tr of els.tableWrap.querySelectorAll('tr[data-key]')) tr.classList.toggle('selected', tr.dataset.key === openKey);
  els.drawer.hidden = false;
  replace(els.drawerBody, h('div', { class: 'drawer-title' }, h('h2', {}, `${order} / ${line}`)), h('p', { class: 'muted' }, 'loading…'));
  try {
    const detail = await api.line(order, line);
    if (openKey === `${order}/${line}`) renderDetail(detail);
  } catch (e) {
    replace(els.drawerBody, h('div', { class: 'drawer-title' }, h('h2', {}, `${order} / ${line}`)), h('p', { class: 'error-text' }, e.message));
    showError(e, `order line ${order}/${line}`);
  }
}

function closeLine() {
  openKey = '';
  els.drawer.hidden = true;
  for (const tr of els.tableWrap.querySelectorAll('tr.selected')) tr.classList.remove('selected');
  if (location.hash.startsWith('#orders/')) history.replaceState(null, '', '#orders');
}

function fromHash() {
  const parts = location.hash.replace(/^#/, '').split('/');
  if (parts[0] === 'orders' && parts.length >= 3 && parts[1] && parts[2]) {
    const order = decodeURIComponent(parts[1]);
    const line = Number(parts[2]);
    if (`${order}/${line}` !== openKey || els.drawer.hidden) showLine(order, line);
  } else if (!els.drawer.hidden) {
    closeLine();
  }
}

export const orders = {
  async mount(section) {
    await loadMeta();
    els.count = h('span', { class: 'count', 'data-testid': 'orders-count' });
    els.tableWrap = h('div', { class: 'table-wrap' });
    const filters = buildFilters();
    const pager = buildPager();
    els.drawerBody = h('div', { class: 'drawer-body' });
    els.drawer = h(
      'aside',
      { class: 'drawer', role: 'dialog', 'aria-label': 'Order line detail', 'data-testid': 'drilldown', hidden: true },
      h('button', { type: 'button', class: 'drawer-close', 'aria-label': 'Close the detail', 'data-testid': 'drill-close', onclick: closeLine }, '×'),
      els.drawerBody,
    );
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !els.drawer.hidden) closeLine();
    });
    replace(
      section,
      h('header', { class: 'view-head' }, h('h1', {}, 'Orders'), h('div', { class: 'tools' }, els.count)),
      card(null, [filters, els.tableWrap, pager], { class: 'orders-card' }),
      els.drawer,
    );
    on('plan', () => load());
    await load();
    fromHash();
  },
  async shown() {
    fromHash();
  },
};
