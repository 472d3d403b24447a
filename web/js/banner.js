// The error banner: every failed request or unexpected exception ends up here, visible, never swallowed.
import { h, replace } from './dom.js';

const MAX = 4;
const entries = [];

function render() {
  const banner = document.getElementById('banner');
  if (!entries.length) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  banner.hidden = false;
  replace(
    banner,
    h(
      'div',
      { class: 'banner-list' },
      entries.map((e) =>
        h(
          'div',
          { class: 'banner-item', 'data-testid': 'error-message' },
          h('strong', {}, e.context ? `${e.context}: ` : ''),
          e.message,
          e.code ? h('span', { class: 'banner-code' }, ` [${e.code}${e.status ? ` ${e.status}` : ''}]`) : null,
          e.details.length
            ? h(
                'ul',
                { class: 'banner-details' },
                e.details.slice(0, 8).map((d) => h('li', {}, detailText(d))),
              )
            : null,
        ),
      ),
    ),
    h('button', { type: 'button', class: 'banner-close', 'aria-label': 'Dismiss errors', onclick: clearErrors }, '×'),
  );
}

/** One line for an error detail of the contract ({file, line, field, message}) or anything else. */
export function detailText(d) {
  if (d === null || typeof d !== 'object') return String(d);
  const where = [d.file, d.line ? `line ${d.line}` : null, d.field].filter(Boolean).join(' · ');
  return where ? `${where}: ${d.message ?? JSON.stringify(d)}` : d.message ?? JSON.stringify(d);
}

/** Shows an error (an ApiError or any Error) in the banner; context says what was being done. */
export function showError(err, context) {
  entries.unshift({
    context: context || '',
    message: err && err.message ? err.message : String(err),
    code: err && err.code ? err.code : '',
    status: err && err.status ? err.status : 0,
    details: err && Array.isArray(err.details) ? err.details : [],
  });
  entries.length = Math.min(entries.length, MAX);
  render();
}

export function clearErrors() {
  entries.length = 0;
  render();
}

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  showError(event.reason, 'unexpected');
});
window.addEventListener('error', (event) => {
  showError(event.error || event.message, 'unexpected');
});
