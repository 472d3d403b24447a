// Number, money, date and status formatting shared by every view.

let currency = 'USD';

/** Sets the dataset currency (from /api/summary) used by money(). */
export function setCurrency(code) {
  currency = code || 'USD';
}

function prefix() {
  return currency === 'USD' ? '$' : `${currency} `;
}

const UNITS = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Three significant figures with a unit: 1.23B, 45.6M, 512K, 950. */
function compact(abs) {
  for (let i = 0; i < UNITS.length; i++) {
    const [size, unit] = UNITS[i];
    if (abs >= size) {
      const scaled = abs / size;
      const digits = scaled < 10 ? 2 : scaled < 100 ? 1 : 0;
      const text = scaled.toFixed(digits);
      // 999.7M rounds to "1000M": show it as 1.00B instead.
      if (Number(text) >= 1000 && i > 0) return `${(abs / UNITS[i - 1][0]).toFixed(2)}${UNITS[i - 1][1]}`;
      return `${text}${unit}`;
    }
  }
  return abs >= 100 ? abs.toFixed(0) : abs.toFixed(abs === Math.trunc(abs) ? 0 : 2);
}

/** Money as $1.23B / $45.6M / $512K; an em dash for null. */
export function money(value) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return '—';
  const v = Number(value);
  return `${v < 0 ? '−' : ''}${prefix()}${compact(Math.abs(v))}`;
}

/** A money delta with an explicit sign: +$12.3M, −$4.50M, $0. */
export function moneyDelta(value) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return '—';
  const v = Number(value);
  if (v === 0) return `${prefix()}0`;
  return `${v > 0 ? '+' : '−'}${prefix()}${compact(Math.abs(v))}`;
}

/** Money with every digit for tooltips: $1,234,567.89. */
export function moneyFull(value) {
  if (value === null || value === undefined) return '—';
  const v = Number(value);
  const text = Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return `${v < 0 ? '−' : ''}${prefix()}${text}`;
}

/** Integer with thousands separators. */
export function int(value) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return '—';
  return Math.round(Number(value)).toLocaleString('en-US');
}

/** A rate 0..1 as a percentage: 0.357 -> 35.7%. */
export function rate(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return '—';
  return `${(Number(value) * 100).toFixed(digits)}%`;
}

/** A percentage already in 0..100: 5.42 -> 5.4%. */
export function pct(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return '—';
  return `${Number(value).toFixed(digits)}%`;
}

/** A date string as given ("YYYY-MM-DD"), or an em dash. */
export function date(value) {
  return value ? String(value) : '—';
}

const STATUS_LABELS = { on_time: 'on time', late: 'late', unplanned: 'unplanned' };

/** Human label of a line status. */
export function statusLabel(status) {
  return STATUS_LABELS[status] || status || '—';
}

/** Human label of a reason code: licence_pending -> licence pending. */
export function reasonLabel(code) {
  return code ? String(code).replace(/_/g, ' ') : '';
}

/** Adds n days to an ISO date. */
export function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
