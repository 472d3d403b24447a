// Shared data: meta lists, the summary and the scenario list, loaded once and refreshed on demand; views
// subscribe to changes (a committed promise changes the plan; a run scenario changes the list).
import { api } from './api.js';
import { setCurrency } from './format.js';

const listeners = new Map();

export const store = {
  meta: null,
  summary: null,
  scenarios: [],
};

/** Calls fn(value) whenever topic ('summary', 'scenarios', 'plan') changes. */
export function on(topic, fn) {
  if (!listeners.has(topic)) listeners.set(topic, []);
  listeners.get(topic).push(fn);
}

export function emit(topic, value) {
  for (const fn of listeners.get(topic) || []) fn(value);
}

let metaRequest = null;

/** The lists for filters and forms; asked once (it is large on big datasets), shared by the views. */
export function loadMeta() {
  if (!metaRequest) {
    metaRequest = api.meta().then(
      (meta) => (store.meta = meta),
      (e) => {
        metaRequest = null;
        throw e;
      },
    );
  }
  return metaRequest;
}

export async function loadSummary(force = false) {
  if (!store.summary || force) {
    store.summary = await api.summary();
    setCurrency(store.summary.dataset && store.summary.dataset.currency);
    emit('summary', store.summary);
  }
  return store.summary;
}

export async function loadScenarios() {
  store.scenarios = await api.scenarios();
  emit('scenarios', store.scenarios);
  return store.scenarios;
}

/** Scenarios that have been planned (their comparison can be read). */
export function plannedScenarios() {
  return store.scenarios.filter((s) => s.status === 'planned');
}

/** The plan changed under us (a committed promise, a re-plan): reload the summary and tell every view. */
export async function planChanged() {
  await loadSummary(true);
  emit('plan', store.summary);
}
