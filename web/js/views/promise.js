// Promise: ask when a new order could ship (POST /api/promise), optionally committing it into the plan.
import { api } from '../api.js';
import { detailText, showError } from '../banner.js';
import { badge, card, combo, field, h, replace, select, table } from '../dom.js';
import { date, int, money, reasonLabel, statusLabel } from '../format.js';
import { loadMeta, planChanged, store } from '../state.js';

const els = {};
const f = {};
const history = [];

function quote() {
  const q = { item: f.item.value, qty: Number(f.qty.value), ship_to: f.shipTo.value };
  if (f.customer.value.trim()) q.customer = f.customer.known();
  if (f.site.value) q.site = f.site.value;
  if (f.request.value) q.request = f.request.value;
  if (f.price.value !== '') q.price = Number(f.price.value);
  q.partial = f.partial.checked;
  q.commit = f.commit.checked;
  return q;
}

function renderAnswer(q, a) {
  const tone = a.status === 'on_time' ? 'on_time' : a.status === 'late' ? 'late' : 'unplanned';
  // `date`: the whole quantity has shipped; `last_date`: the last shipment, even when not all of it ships.
  const full = a.date ?? null;
  const partialOnly = !full && a.last_date;
  const request = a.request ?? q.request;
  // Without a request date the server asks for plan start: "late" then only means "not at once".
  const asap = !q.request && a.status !== 'unplanned';
  replace(
    els.answer,
    h(
      'div',
      { class: `answer answer-${tone}`, 'data-testid': 'promise-answer' },
      h(
        'div',
        { class: 'answer-head' },
        h(
          'div',
          {},
          h('div', { class: 'kpi-label' }, partialOnly ? 'Can ship part of it, the last on' : 'Can ship'),
          h('div', { class: 'answer-date', 'data-testid': 'promise-date' }, full || a.last_date || 'not within the horizon'),
        ),
        h(
          'div',
          { class: 'answer-badges' },
          asap ? badge('as soon as possible', 'neutral') : badge(statusLabel(a.status), a.status),
          a.committed ? badge('committed', 'neutral') : null,
        ),
      ),
      h(
        'dl',
        { class: 'facts' },
        [
          ['Quote', `${int(q.qty)} × ${q.item} to ${q.ship_to}${q.customer ? ` for ${q.customer}` : ''}`],
          ['Site', a.site ?? '—'],
          asap ? ['Request', 'none: as soon as possible'] : ['On time', a.on_time ? 'yes' : `no${a.days_late ? ` (${int(a.days_late)} days late)` : ''}`],
          asap ? null : ['Request', date(request)],
          ['Revenue quarter', a.quarter ?? '—'],
          a.revenue !== undefined ? ['Revenue', q.price === undefined ? '— (give a unit price)' : money(a.revenue)] : null,
          a.shipped !== undefined ? ['Shipped', `${int(a.shipped)} of ${int(q.qty)}`] : null,
          ['Licence', a.licence || '—'],
          ['Reason', a.reason ? h('span', {}, badge(reasonLabel(a.reason_code), 'reason'), ' ', a.reason) : '—'],
        ]
          .filter(Boolean)
          .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
      h('h3', {}, q.partial ? 'Partial schedule' : 'Shipments'),
      table(
        [
          { label: 'Date', value: (s) => s.date, class: 'date' },
          { label: 'Qty', value: (s) => int(s.qty), class: 'num' },
        ],
        a.shipments || [],
        { class: 'compact', testid: 'promise-shipments', empty: 'nothing can ship' },
      ),
    ),
  );
}

function renderHistory() {
  replace(
    els.history,
    table(
      [
        { label: 'Item', value: (x) => x.q.item },
        { label: 'Qty', value: (x) => int(x.q.qty), class: 'num' },
        { label: 'To', value: (x) => x.q.ship_to },
        { label: 'Request', value: (x) => date(x.q.request), class: 'date' },
        { label: 'Date', value: (x) => date(x.a.date ?? x.a.last_date), class: 'date' },
        { label: 'Site', value: (x) => x.a.site ?? '—' },
        { label: 'Status', value: (x) => (!x.q.request && x.a.status !== 'unplanned' ? badge('as soon as possible', 'neutral') : badge(statusLabel(x.a.status), x.a.status)) },
        { label: 'Committed', value: (x) => (x.a.committed ? 'yes' : '') },
      ],
      history,
      { class: 'compact', empty: 'no quote asked yet', onRow: (x) => renderAnswer(x.q, x.a) },
    ),
  );
}

async function submit(e) {
  e.preventDefault();
  replace(els.errors);
  els.errors.hidden = true;
  if (!els.form.reportValidity()) return;
  const q = quote();
  els.submit.disabled = true;
  els.submit.textContent = 'Asking…';
  try {
    const a = await api.promise(q);
    history.unshift({ q, a });
    history.length = Math.min(history.length, 20);
    renderAnswer(q, a);
    renderHistory();
    if (a.committed) await planChanged();
  } catch (err) {
    if (err.status === 422) {
      els.errors.hidden = false;
      replace(els.errors, h('strong', {}, err.message), h('ul', {}, err.details.map((d) => h('li', {}, detailText(d)))));
    } else {
      showError(err, 'promise');
    }
  } finally {
    els.submit.disabled = false;
    els.submit.textContent = 'Promise';
  }
}

export const promise = {
  async mount(section) {
    await loadMeta();
    const m = store.meta;
    const sellable = (m.items || []).filter((i) => i.sellable);
    f.item = select(sellable.map((i) => [i.code, `${i.code}${i.description ? ` · ${i.description}` : ''}`]), { required: true, 'data-testid': 'promise-item' });
    f.qty = h('input', { type: 'number', min: 1, step: 1, value: '8', required: true, 'data-testid': 'promise-qty' });
    f.shipTo = select(m.countries || [], { required: true, 'data-testid': 'promise-ship-to' });
    if ((m.countries || []).includes('US')) f.shipTo.value = 'US';
    f.customer = combo(
      (m.customers || []).map((c) => c.code),
      { placeholder: 'none: a new customer', 'data-testid': 'promise-customer' },
    );
    f.site = select([['', 'any site'], ...(m.sites || []).map((s) => [s.code, `${s.code} · ${s.name}`])], { 'data-testid': 'promise-site' });
    f.request = h('input', { type: 'date', 'data-testid': 'promise-request' });
    f.price = h('input', { type: 'number', min: 0, step: 'any', placeholder: 'for the revenue of the answer', 'data-testid': 'promise-price' });
    f.partial = h('input', { type: 'checkbox', 'data-testid': 'promise-partial' });
    f.commit = h('input', { type: 'checkbox', 'data-testid': 'promise-commit' });
    els.submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'promise-submit' }, 'Promise');
    els.errors = h('div', { class: 'form-errors', role: 'alert', 'data-testid': 'promise-errors', hidden: true });
    els.form = h(
      'form',
      { class: 'form', onsubmit: submit, 'data-testid': 'promise-form', novalidate: false },
      field('Item', f.item, { wide: true }),
      h('div', { class: 'form-row' }, field('Quantity', f.qty), field('Ship to', f.shipTo)),
      field('Customer (optional)', f.customer, { wide: true, hint: 'licences are the customer’s; a new customer holds none' }),
      h('div', { class: 'form-row' }, field('Site (optional)', f.site), field('Request date (optional)', f.request, { hint: 'none: as soon as possible' })),
      field('Unit price (optional)', f.price),
      h(
        'div',
        { class: 'form-row checks' },
        field('Partial shipments allowed', f.partial, { inline: true }),
        field('Commit (later quotes see less)', f.commit, { inline: true }),
      ),
      h('div', { class: 'form-actions' }, els.submit),
      els.errors,
    );
    els.answer = h('div', {}, h('div', { class: 'answer-empty muted', 'data-testid': 'promise-answer-empty' }, 'Ask about a quote: the answer appears here.'));
    els.history = h('div', { class: 'scroll-x' });
    replace(
      section,
      h('header', { class: 'view-head' }, h('h1', {}, 'Promise'), h('p', { class: 'muted' }, 'When could a new order ship? Planned after the whole backlog, without changing it; a committed quote keeps what it takes from later quotes.')),
      h('div', { class: 'row one-one' }, card('Quote', els.form), card('Answer', els.answer)),
      card('Quotes asked in this session', els.history),
    );
    renderHistory();
  },
};
