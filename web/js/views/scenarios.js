// Scenarios: an editor for the common edits of docs/scenarios.md (built as the JSON form of the TOML file),
// the scenarios in the store, and a scenario's comparison with the base plan.
import { api } from '../api.js';
import { detailText, showError } from '../banner.js';
import { COLORS, draw, moneyAxis } from '../charts.js';
import { badge, card, combo, field, h, replace, select, table } from '../dom.js';
import { date, int, money, moneyDelta, moneyFull, reasonLabel, statusLabel } from '../format.js';
import { loadMeta, loadScenarios, on, store } from '../state.js';

const els = {};
const edits = []; // {kind, controls, el}

// ---- the edit kinds ----

function input(attrs) {
  return h('input', { autocomplete: 'off', ...attrs });
}
function dateInput(attrs = {}) {
  return input({ type: 'date', ...attrs });
}
function optionalSelect(list, none) {
  return select([['', none], ...list]);
}

const metaLists = () => {
  const m = store.meta || {};
  return {
    items: (m.items || []).map((i) => i.code),
    sellable: (m.items || []).filter((i) => i.sellable).map((i) => i.code),
    sites: (m.sites || []).map((s) => [s.code, `${s.code} · ${s.name}`]),
    resources: (m.resources || []).map((r) => [r.code, `${r.code} · ${r.name}`]),
    customers: (m.customers || []).map((c) => c.code),
    destinations: [...(m.country_groups || []).map((g) => (typeof g === 'string' ? g : g.code || g.group)), ...(m.countries || [])],
    classes: m.export_classes || [],
  };
};

/** Each kind: label, help, fields() -> [[key, label, control, opts]], build(v) -> [[section, object]]. */
const KINDS = {
  delay: {
    label: 'Delay receipts',
    help: 'Receipts of an item (optionally at a site, within dates) arrive N days later (negative: earlier).',
    fields: (L) => [
      ['item', 'Item', input({ list: 'dl-items', required: true, placeholder: 'e.g. GPU-B200' })],
      ['site', 'Site', optionalSelect(L.sites, 'every site')],
      ['from', 'Receipts from', dateInput()],
      ['to', 'to', dateInput()],
      ['days', 'Days later', input({ type: 'number', step: 1, value: '28', required: true })],
    ],
    build: (v) => [['receipts', clean({ action: 'delay', item: v.item, site: v.site, from: v.from, to: v.to, days: num(v.days) })]],
  },
  scale: {
    label: 'Scale receipts',
    help: 'Each matching receipt’s quantity is multiplied by the factor (rounded down; 0 removes it).',
    fields: (L) => [
      ['item', 'Item', input({ list: 'dl-items', required: true, placeholder: 'e.g. GPU-H200' })],
      ['site', 'Site', optionalSelect(L.sites, 'every site')],
      ['from', 'Receipts from', dateInput()],
      ['to', 'to', dateInput()],
      ['factor', 'Factor', input({ type: 'number', step: 'any', min: 0, value: '0.5', required: true })],
    ],
    build: (v) => [['receipts', clean({ action: 'scale', item: v.item, site: v.site, from: v.from, to: v.to, factor: num(v.factor) })]],
  },
  capacity_add: {
    label: 'Add capacity',
    help: 'A resource gets more capacity per day from a date (on top of its calendar).',
    fields: (L) => [
      ['resource', 'Resource', select(L.resources, { required: true })],
      ['from', 'From', dateInput({ required: true, value: store.summary?.dataset?.plan_start || '' })],
      ['to', 'Until (optional)', dateInput()],
      ['add_per_day', 'Add per day', input({ type: 'number', step: 'any', value: '2', required: true })],
    ],
    build: (v) => [['capacity', clean({ resource: v.resource, from: v.from, to: v.to, add_per_day: num(v.add_per_day) })]],
  },
  capacity_set: {
    label: 'Set capacity',
    help: 'A resource has this capacity per day over a date range (0: a shutdown).',
    fields: (L) => [
      ['resource', 'Resource', select(L.resources, { required: true })],
      ['from', 'From', dateInput({ required: true, value: store.summary?.dataset?.plan_start || '' })],
      ['to', 'Until (optional)', dateInput()],
      ['capacity_per_day', 'Capacity per day', input({ type: 'number', step: 'any', min: 0, value: '0', required: true })],
    ],
    build: (v) => [['capacity', clean({ resource: v.resource, from: v.from, to: v.to, capacity_per_day: num(v.capacity_per_day) })]],
  },
  require_licence: {
    label: 'Require a licence',
    help: 'An export class to a country or group needs a licence; optionally every licence of that class is pending until a date.',
    fields: () => [
      ['export_class', 'Export class', input({ list: 'dl-classes', required: true, placeholder: 'e.g. 4A994' })],
      ['destination', 'Destination', input({ list: 'dl-destinations', required: true, placeholder: 'country or group, e.g. CN-HK-MO' })],
      ['pending', 'Existing licences of the class pending', input({ type: 'checkbox', checked: true }), { inline: true }],
      ['date', 'Pending until', dateInput()],
    ],
    build: (v) => {
      const out = [['export_rules', { action: 'add', export_class: v.export_class, destination: v.destination, rule: 'licence' }]];
      if (v.pending) out.push(['licences', clean({ action: 'change', export_class: v.export_class, status: 'pending', date: v.date })]);
      return out;
    },
  },
  export_rule: {
    label: 'Export rule',
    help: 'Add or change the rule for an export class and a destination, or remove it.',
    fields: () => [
      ['action', 'Action', select([['add', 'add / change'], ['remove', 'remove']])],
      ['export_class', 'Export class', input({ list: 'dl-classes', required: true })],
      ['destination', 'Destination', input({ list: 'dl-destinations', required: true })],
      ['rule', 'Rule', select([['licence', 'licence needed'], ['prohibited', 'prohibited']])],
    ],
    build: (v) => [['export_rules', clean({ action: v.action, export_class: v.export_class, destination: v.destination, rule: v.action === 'remove' ? '' : v.rule })]],
  },
  licence: {
    label: 'Licence status',
    help: 'Change a licence, or every licence matching the customer, class and destination given.',
    fields: (L) => [
      ['licence', 'Licence (optional)', input({ placeholder: 'e.g. EL-100002' })],
      ['customer', 'Customer', combo(L.customers, { placeholder: 'any customer' })],
      ['export_class', 'Export class', input({ list: 'dl-classes' })],
      ['destination', 'Destination', input({ list: 'dl-destinations' })],
      ['status', 'New status', select(['pending', 'approved', 'denied'])],
      ['date', 'Decision date', dateInput()],
    ],
    build: (v) => [
      ['licences', clean({ action: 'change', licence: v.licence, customer: v.customer, export_class: v.export_class, destination: v.destination, status: v.status, date: v.date })],
    ],
  },
  cancel_order: {
    label: 'Cancel an order',
    help: 'Every line of an order, or one line, is cancelled.',
    fields: () => [
      ['order', 'Order', input({ required: true, placeholder: 'e.g. SO-1000001' })],
      ['line', 'Line (optional)', input({ type: 'number', min: 1, step: 1 })],
    ],
    build: (v) => [['orders', clean({ action: 'cancel', order: v.order, line: num(v.line) })]],
  },
  change_order: {
    label: 'Change an order',
    help: 'New request date, quantity, priority or price for an order or one of its lines.',
    fields: () => [
      ['order', 'Order', input({ required: true })],
      ['line', 'Line (optional)', input({ type: 'number', min: 1, step: 1 })],
      ['request_date', 'Request date', dateInput()],
      ['qty', 'Qty', input({ type: 'number', min: 1, step: 1 })],
      ['priority', 'Priority', input({ type: 'number', min: 1, step: 1 })],
      ['unit_price', 'Unit price', input({ type: 'number', min: 0, step: 'any' })],
    ],
    build: (v) => [
      ['orders', clean({ action: 'change', order: v.order, line: num(v.line), request_date: v.request_date, qty: num(v.qty), priority: num(v.priority), unit_price: num(v.unit_price) })],
    ],
  },
  settings: {
    label: 'Planning settings',
    help: 'Allocation policy, licence policy and early-ship days for the whole scenario.',
    fields: () => [
      ['policy', 'Allocation policy', select([['', 'unchanged'], 'priority', 'revenue'])],
      ['licence_policy', 'Licence policy', select([['', 'unchanged'], 'conservative', 'expected'])],
      ['early_ship_days', 'Early-ship days', input({ type: 'number', min: 0, step: 1 })],
    ],
    build: (v) => [['settings', clean({ policy: v.policy, licence_policy: v.licence_policy, early_ship_days: num(v.early_ship_days) })]],
  },
};

function num(v) {
  return v === '' || v === null || v === undefined ? undefined : Number(v);
}
function clean(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== '' && v !== null && !(typeof v === 'number' && Number.isNaN(v))) out[k] = v;
  return out;
}

function addEdit(kind) {
  const spec = KINDS[kind];
  const L = metaLists();
  const controls = {};
  const index = edits.length;
  const rows = spec.fields(L).map(([key, label, control, opts]) => {
    controls[key] = control;
    control.dataset.testid = `edit-${index}-${key}`;
    control.addEventListener('input', preview);
    control.addEventListener('change', preview);
    return field(label, control, opts || {});
  });
  const entry = { kind, controls };
  entry.el = h(
    'fieldset',
    { class: 'edit', 'data-testid': 'scenario-edit' },
    h('legend', {}, spec.label),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small edit-remove',
        'aria-label': `Remove this edit (${spec.label})`,
        onclick: () => {
          edits.splice(edits.indexOf(entry), 1);
          entry.el.remove();
          preview();
        },
      },
      'Remove',
    ),
    h('p', { class: 'hint' }, spec.help),
    h('div', { class: 'edit-fields' }, rows),
  );
  edits.push(entry);
  els.edits.append(entry.el);
  preview();
  entry.el.querySelector('input, select')?.focus();
}

function values(controls) {
  const v = {};
  for (const [k, c] of Object.entries(controls)) v[k] = c.type === 'checkbox' ? c.checked : c.value.trim();
  return v;
}

/** Which edit card built each entry of the JSON ("receipts[0]", "settings"), to put errors next to it. */
let origins = new Map();

/** The scenario as the API takes it: {"name", "description", "edits": {...}}. */
function scenarioJson() {
  const out = {};
  origins = new Map();
  for (const e of edits) {
    for (const [section, obj] of KINDS[e.kind].build(values(e.controls))) {
      if (section === 'settings') {
        out.settings = { ...(out.settings || {}), ...obj };
        origins.set('settings', e);
      } else {
        (out[section] ||= []).push(obj);
        origins.set(`${section}[${out[section].length - 1}]`, e);
      }
    }
  }
  const body = { name: els.name.value.trim() };
  if (els.description.value.trim()) body.description = els.description.value.trim();
  body.edits = out;
  return body;
}

function clearFieldErrors() {
  for (const el of els.form.querySelectorAll('.edit-error')) el.remove();
  for (const el of els.form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
}

/** Puts each error detail whose field names an edit ("edits.receipts[0].item") next to that edit's field. */
function markFieldErrors(details) {
  for (const d of details) {
    const m = /^(?:edits\.)?([a-z_]+)(\[\d+\])?(?:\.([a-z_]+))?/.exec(d.field || '');
    if (!m) continue;
    if (m[1] === 'name' && !m[2]) {
      els.name.setAttribute('aria-invalid', 'true');
      continue;
    }
    const entry = origins.get(`${m[1]}${m[2] || ''}`);
    if (!entry) continue;
    const control = m[3] && entry.controls[m[3]];
    if (control) control.setAttribute('aria-invalid', 'true');
    const where = control ? control.closest('.field') : entry.el.querySelector('.edit-fields');
    where.append(h('div', { class: 'edit-error', 'data-testid': 'edit-error' }, d.message || String(d)));
  }
}

function preview() {
  els.json.textContent = JSON.stringify(scenarioJson(), null, 2);
}

function showFormErrors(err) {
  els.errors.hidden = false;
  markFieldErrors(err.details || []);
  replace(
    els.errors,
    h('strong', {}, `${err.message}${err.code ? ` [${err.code}]` : ''}`),
    err.details.length ? h('ul', {}, err.details.map((d) => h('li', { 'data-testid': 'scenario-error' }, detailText(d)))) : null,
  );
}

function setBusy(text) {
  els.status.textContent = text || '';
  for (const b of [els.createRun, els.createOnly]) b.disabled = !!text;
}

async function submit(e, run) {
  e.preventDefault();
  replace(els.errors);
  els.errors.hidden = true;
  clearFieldErrors();
  if (!els.form.reportValidity()) return;
  if (!edits.length) {
    showFormErrors({ message: 'add at least one edit', code: '', details: [] });
    return;
  }
  const body = scenarioJson();
  setBusy('Creating…');
  try {
    await api.createScenario(body);
  } catch (err) {
    setBusy('');
    if (err.status === 422 || err.status === 409) showFormErrors(err);
    else showError(err, `creating ${body.name}`);
    return;
  }
  try {
    await loadScenarios();
    if (run) await runScenario(body.name);
  } catch (err) {
    showError(err, `scenario ${body.name}`);
  } finally {
    setBusy('');
  }
}

async function runScenario(name) {
  setBusy(`Planning ${name}…`);
  replace(els.comparison, h('p', { class: 'muted' }, `Planning ${name} and comparing it with the base…`));
  try {
    const result = await api.runScenario(name);
    renderComparison(name, result.comparison, result.seconds);
    await loadScenarios();
  } catch (err) {
    replace(els.comparison, h('p', { class: 'error-text' }, `${name}: ${err.message}`));
    if (err.status === 422) showFormErrors(err);
    else showError(err, `running ${name}`);
  } finally {
    setBusy('');
  }
}

async function compare(name) {
  try {
    renderComparison(name, await api.comparison(name));
  } catch (err) {
    showError(err, `comparison of ${name}`);
  }
}

async function remove(name) {
  if (!window.confirm(`Delete scenario ${name}?`)) return;
  try {
    await api.deleteScenario(name);
    if (els.comparison.dataset.name === name) replace(els.comparison, h('p', { class: 'muted' }, 'Run or pick a scenario to compare it with the base plan.'));
    await loadScenarios();
  } catch (err) {
    showError(err, `deleting ${name}`);
  }
}

function renderList(list) {
  replace(
    els.list,
    table(
      [
        { label: 'Name', value: (s) => h('strong', {}, s.name) },
        { label: 'Description', value: (s) => s.description || '', class: 'wrap' },
        { label: 'Edits', value: (s) => h('ul', { class: 'plain' }, (s.edits || []).map((x) => h('li', {}, x))), class: 'wrap' },
        { label: 'Status', value: (s) => [badge(s.status, s.status === 'planned' ? 'on_time' : 'neutral'), s.stale ? badge('stale', 'late') : null] },
        { label: 'Revenue Δ', value: (s) => moneyDelta(s.revenue_delta), class: 'num' },
        { label: 'Changed lines', value: (s) => (s.changed_lines === null || s.changed_lines === undefined ? '—' : int(s.changed_lines)), class: 'num' },
        {
          label: 'Actions',
          value: (s) =>
            h(
              'span',
              { class: 'actions' },
              h('button', { type: 'button', class: 'btn btn-small', 'data-testid': `scenario-run-${s.name}`, onclick: () => runScenario(s.name) }, s.status === 'planned' ? 'Re-run' : 'Run'),
              s.status === 'planned'
                ? h('button', { type: 'button', class: 'btn btn-small', 'data-testid': `scenario-compare-${s.name}`, onclick: () => compare(s.name) }, 'Compare')
                : null,
              s.status === 'planned'
                ? h('a', { class: 'btn btn-small', href: `#overview`, onclick: () => sessionStorage.setItem('takt.compare', s.name) }, 'Overview')
                : null,
              h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-testid': `scenario-delete-${s.name}`, onclick: () => remove(s.name) }, 'Delete'),
            ),
        },
      ],
      list,
      { class: 'compact', testid: 'scenarios-table', empty: 'no scenario yet: build one above' },
    ),
  );
}

function constraintTable(list, testid, empty) {
  const rows = list || [];
  return table(
    [
      { label: 'Constraint', value: (c) => [h('code', {}, c.key ?? ''), h('div', { class: 'sub-text' }, c.reason || '')], class: 'wrap' },
      { label: 'Reason', value: (c) => badge(reasonLabel(c.reason_code), 'reason') },
      rows.some((c) => c.lines !== undefined) ? { label: 'Lines', value: (c) => int(c.lines), class: 'num' } : null,
      { label: 'Value', value: (c) => money(c.value), class: 'num', title: (c) => moneyFull(c.value) },
    ].filter(Boolean),
    rows,
    { class: 'compact', testid, empty },
  );
}

function statusChange(x) {
  const status = x.status_before === x.status_after ? statusLabel(x.status_after) : `${statusLabel(x.status_before)} → ${statusLabel(x.status_after)}`;
  const shipped = x.shipped_before !== undefined && x.shipped_before !== x.shipped_after ? ` (shipped ${int(x.shipped_before)} → ${int(x.shipped_after)})` : '';
  return status + shipped;
}

function renderComparison(name, c, seconds) {
  const quarters = c.quarters || [];
  const revDelta = c.revenue_delta ?? quarters.reduce((a, q) => a + (q.revenue_scenario - q.revenue_base), 0);
  const marginDelta = quarters.reduce((a, q) => a + (q.margin_scenario - q.margin_base), 0);
  const chartEl = h('div', { class: 'chart', 'data-testid': 'chart-comparison', role: 'img', 'aria-label': `Revenue by quarter, base vs ${name}` });
  const delta = (v) => h('span', { class: v > 0 ? 'pos' : v < 0 ? 'neg' : '' }, moneyDelta(v));
  els.comparison.dataset.name = name;
  replace(
    els.comparison,
    h(
      'div',
      { 'data-testid': 'comparison' },
      h(
        'div',
        { class: 'comparison-head' },
        h('h3', {}, `${name} vs base`),
        h(
          'span',
          { class: 'muted' },
          `${int(c.changed_lines)} lines changed, ${int(c.unchanged_lines)} unchanged · revenue `,
          delta(revDelta),
          ' · margin ',
          delta(marginDelta),
          seconds !== undefined && seconds !== null ? ` · planned in ${Number(seconds).toFixed(2)} s` : '',
        ),
      ),
      h(
        'div',
        { class: 'row one-one' },
        chartEl,
        table(
          [
            { label: 'Quarter', value: (q) => q.code },
            { label: 'Revenue base', value: (q) => money(q.revenue_base), class: 'num', title: (q) => moneyFull(q.revenue_base) },
            { label: 'Scenario', value: (q) => money(q.revenue_scenario), class: 'num', title: (q) => moneyFull(q.revenue_scenario) },
            { label: 'Δ', value: (q) => delta(q.revenue_scenario - q.revenue_base), class: 'num' },
            { label: 'Margin Δ', value: (q) => delta(q.margin_scenario - q.margin_base), class: 'num' },
            { label: 'Backlog Δ', value: (q) => delta(q.backlog_scenario - q.backlog_base), class: 'num' },
          ],
          quarters,
          { class: 'compact', testid: 'comparison-quarters' },
        ),
      ),
      h('h3', {}, 'Lines that moved the most'),
      h(
        'div',
        { class: 'scroll-y short' },
        table(
          [
            { label: 'Change', value: (x) => x.kind },
            { label: 'Line', value: (x) => h('a', { href: `#orders/${encodeURIComponent(x.order)}/${x.line}` }, `${x.order}/${x.line}`) },
            { label: 'Item', value: (x) => x.item, class: 'clip' },
            { label: 'Before', value: (x) => date(x.before), class: 'date' },
            { label: 'After', value: (x) => date(x.after), class: 'date' },
            { label: 'Status', value: statusChange },
            { label: 'Revenue moved', value: (x) => money(x.revenue_moved), class: 'num', title: (x) => moneyFull(x.revenue_moved) },
            {
              label: 'Binds now',
              value: (x) => x.reason_after || x.reason_before || '',
              class: 'reason-col',
              title: (x) => `before: ${x.reason_before || '—'}\nafter: ${x.reason_after || '—'}`,
            },
          ],
          c.changes || [],
          { class: 'compact', testid: 'comparison-changes', empty: 'no line changed' },
        ),
      ),
      h(
        'div',
        { class: 'row one-one' },
        h('div', {}, h('h3', {}, `Constraints that appeared (${(c.appeared || []).length})`), constraintTable(c.appeared, 'comparison-appeared', 'none')),
        h('div', {}, h('h3', {}, `Constraints that went away (${(c.gone || []).length})`), constraintTable(c.gone, 'comparison-gone', 'none')),
      ),
    ),
  );
  draw(
    chartEl,
    {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(v) },
      legend: { top: 0, itemWidth: 14, itemHeight: 8 },
      xAxis: { type: 'category', data: quarters.map((q) => q.code) },
      yAxis: { ...moneyAxis },
      series: [
        { name: 'Revenue · base', type: 'bar', data: quarters.map((q) => q.revenue_base), itemStyle: { color: COLORS.base }, barMaxWidth: 22 },
        { name: `Revenue · ${name}`, type: 'bar', data: quarters.map((q) => q.revenue_scenario), itemStyle: { color: COLORS.scenario }, barMaxWidth: 22 },
      ],
    },
    quarters.length,
  );
  els.comparison.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function datalists() {
  const L = metaLists();
  return [
    h('datalist', { id: 'dl-items' }, L.items.map((v) => h('option', { value: v }))),
    h('datalist', { id: 'dl-classes' }, L.classes.map((v) => h('option', { value: v }))),
    h('datalist', { id: 'dl-destinations' }, L.destinations.map((v) => h('option', { value: v }))),
  ];
}

export const scenarios = {
  async mount(section) {
    await loadMeta();
    els.name = input({ required: true, pattern: '[A-Za-z0-9][A-Za-z0-9_.\\-]*', title: 'letters, digits, - _ .', placeholder: 'e.g. gpu-slip-4w', 'data-testid': 'scenario-name' });
    els.description = input({ placeholder: 'what this scenario asks', 'data-testid': 'scenario-description' });
    els.name.addEventListener('input', preview);
    els.description.addEventListener('input', preview);
    els.edits = h('div', { class: 'edits', 'data-testid': 'scenario-edits' });
    els.json = h('pre', { class: 'json', 'data-testid': 'scenario-json' });
    els.errors = h('div', { class: 'form-errors', role: 'alert', 'data-testid': 'scenario-errors', hidden: true });
    els.status = h('span', { class: 'muted', 'aria-live': 'polite' });
    els.createRun = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'scenario-create-run' }, 'Create and run');
    els.createOnly = h('button', { type: 'button', class: 'btn', 'data-testid': 'scenario-create', onclick: (e) => submit(e, false) }, 'Create only');
    const addButtons = Object.entries(KINDS).map(([kind, spec]) =>
      h('button', { type: 'button', class: 'btn btn-small', 'data-testid': `add-${kind}`, onclick: () => addEdit(kind) }, `+ ${spec.label}`),
    );
    els.form = h(
      'form',
      { class: 'form', 'data-testid': 'scenario-form', onsubmit: (e) => submit(e, true) },
      datalists(),
      h('div', { class: 'form-row' }, field('Name', els.name), field('Description', els.description, { wide: true })),
      h('div', { class: 'add-edits', role: 'group', 'aria-label': 'Add an edit' }, addButtons),
      els.edits,
      h('details', { class: 'json-preview' }, h('summary', {}, 'Scenario JSON'), els.json),
      h('div', { class: 'form-actions' }, els.createRun, els.createOnly, els.status),
      els.errors,
    );
    els.list = h('div', { class: 'scroll-x' });
    els.comparison = h('div', { class: 'comparison' }, h('p', { class: 'muted' }, 'Run or pick a scenario to compare it with the base plan.'));
    replace(
      section,
      h('header', { class: 'view-head' }, h('h1', {}, 'Scenarios'), h('p', { class: 'muted' }, 'What if supply slips, capacity grows or licences are required? Edits over the base dataset, planned and compared with the base plan.')),
      h('div', { class: 'row scen' }, card('New scenario', els.form), card('Scenarios', els.list)),
      card('Comparison with the base plan', els.comparison, { testid: 'comparison-card' }),
    );
    preview();
    renderList(store.scenarios);
    on('scenarios', renderList);
  },
};
