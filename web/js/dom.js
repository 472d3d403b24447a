// A small element builder and the table, badge and field helpers the views share.

/**
 * h('button', {class: 'x', onclick: fn, 'data-testid': 't'}, 'text', child, [more])
 * Attributes named on* become listeners; value, checked, disabled, selected, hidden are set as properties;
 * null/undefined/false attributes and children are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (['value', 'checked', 'disabled', 'selected', 'hidden', 'open'].includes(name)) el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let fieldSeq = 0;

/** A labelled field: label above an input/select; returns the wrapper (the control is its .control). */
export function field(label, control, opts = {}) {
  if (!control.id) control.id = `f${++fieldSeq}`;
  const wrap = h('div', { class: `field${opts.wide ? ' wide' : ''}${opts.inline ? ' inline' : ''}` });
  const lab = h('label', { for: control.id }, label);
  if (opts.inline) wrap.append(control, lab);
  else wrap.append(lab, control);
  if (control.datalist) wrap.append(control.datalist);
  if (opts.hint) wrap.append(h('div', { class: 'hint' }, opts.hint));
  wrap.control = control;
  return wrap;
}

/** A <select> from [[value, label], ...] or [value, ...]. */
export function select(options, attrs = {}) {
  const el = h('select', attrs);
  setOptions(el, options);
  return el;
}

/** Replaces a select's options, keeping the current value when it is still offered. */
export function setOptions(el, options) {
  const current = el.value;
  el.replaceChildren(
    ...options.map((o) => {
      const [value, label] = Array.isArray(o) ? o : [o, o];
      return h('option', { value }, label);
    }),
  );
  if ([...el.options].some((o) => o.value === current)) el.value = current;
}

let comboSeq = 0;

/**
 * A text input suggesting values of a list that may be long (the `large` dataset has 60,000 customers): as you
 * type, its datalist holds at most `max` matches, those starting with the text first. field() places the
 * datalist next to it.
 */
export function combo(values, attrs = {}, max = 50) {
  const id = `combo${++comboSeq}`;
  const list = h('datalist', { id });
  const input = h('input', { type: 'text', list: id, autocomplete: 'off', spellcheck: 'false', ...attrs });
  const lower = values.map((v) => v.toLowerCase());
  const refill = () => {
    const q = input.value.trim().toLowerCase();
    const starts = [];
    const inside = [];
    for (let i = 0; i < values.length && starts.length < max; i++) {
      const at = q ? lower[i].indexOf(q) : 0;
      if (at === 0) starts.push(values[i]);
      else if (at > 0 && inside.length < max) inside.push(values[i]);
    }
    list.replaceChildren(...[...starts, ...inside].slice(0, max).map((v) => h('option', { value: v })));
  };
  input.addEventListener('input', refill);
  input.addEventListener('focus', refill);
  input.datalist = list;
  /** The list's value matching the text regardless of case, else the text as typed. */
  input.known = () => {
    const t = input.value.trim();
    const i = lower.indexOf(t.toLowerCase());
    return i >= 0 ? values[i] : t;
  };
  return input;
}

/** A status badge. */
export function badge(text, kind) {
  return h('span', { class: `badge badge-${kind || 'neutral'}` }, text);
}

/**
 * A simple table: columns = [{label, value: row => text|Node, class, title}], rows = [...].
 * opts.onRow(row, tr) makes rows clickable; opts.empty is shown when there are no rows.
 */
export function table(columns, rows, opts = {}) {
  const thead = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class, scope: 'col' }, c.label))));
  const tbody = h('tbody');
  if (!rows.length) {
    tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: columns.length }, opts.empty || 'nothing to show')));
  }
  const shown = opts.limit && rows.length > opts.limit ? rows.slice(0, opts.limit) : rows;
  for (const row of shown) {
    const tr = h('tr', {}, columns.map((c) => h('td', { class: c.class, title: c.title ? c.title(row) : null }, c.value(row))));
    if (opts.onRow) {
      tr.classList.add('clickable');
      tr.tabIndex = 0;
      tr.addEventListener('click', () => opts.onRow(row, tr));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') opts.onRow(row, tr);
      });
    }
    tbody.append(tr);
  }
  const el = h('table', { class: `grid ${opts.class || ''}`, 'data-testid': opts.testid }, thead, tbody);
  if (shown.length < rows.length) {
    tbody.append(
      h(
        'tr',
        { class: 'more' },
        h(
          'td',
          { colspan: columns.length },
          h('button', { type: 'button', class: 'btn btn-small', onclick: () => el.replaceWith(table(columns, rows, { ...opts, limit: 0 })) }, `Show all ${rows.length.toLocaleString('en-US')}`),
          h('span', { class: 'muted' }, ` (${shown.length} shown)`),
        ),
      ),
    );
  }
  return el;
}

/** A card with a title bar and a body. */
export function card(title, body, opts = {}) {
  return h(
    'div',
    { class: `card ${opts.class || ''}`, 'data-testid': opts.testid },
    title ? h('div', { class: 'card-head' }, h('h2', {}, title), opts.tools || null) : null,
    h('div', { class: 'card-body' }, body),
  );
}

/** Debounces fn by ms. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
