// The JSON API client: every request goes through request(), which turns an error response into an ApiError
// carrying the contract's {"error": {"code", "message", "details"}}.

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = Array.isArray(details) ? details : [];
  }
}

async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `${method} ${path}: the server cannot be reached (${e.message})`, []);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiError(response.status, 'bad_response', `${method} ${path}: the answer is not JSON`, []);
    }
  }
  if (!response.ok) {
    const err = data && data.error ? data.error : {};
    throw new ApiError(
      response.status,
      err.code || `http_${response.status}`,
      err.message || `${method} ${path} failed with HTTP ${response.status}`,
      err.details,
    );
  }
  return data;
}

/** Builds a query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const seg = encodeURIComponent;

export const api = {
  summary: () => request('GET', '/api/summary'),
  meta: () => request('GET', '/api/meta'),
  orders: (params) => request('GET', `/api/orders${query(params)}`),
  line: (order, line) => request('GET', `/api/orders/${seg(order)}/lines/${seg(line)}`),
  resources: () => request('GET', '/api/resources'),
  resourceLoad: (code, params = {}) => request('GET', `/api/resources/${seg(code)}/load${query(params)}`),
  heatmap: (weeks) => request('GET', `/api/heatmap${query({ weeks })}`),
  burndown: (scenario) => request('GET', `/api/burndown${query({ scenario })}`),
  constraints: () => request('GET', '/api/constraints'),
  promise: (quote) => request('POST', '/api/promise', quote),
  scenarios: () => request('GET', '/api/scenarios'),
  createScenario: (body) => request('POST', '/api/scenarios', body),
  runScenario: (name) => request('POST', `/api/scenarios/${seg(name)}/run`),
  comparison: (name, limit = 50) => request('GET', `/api/scenarios/${seg(name)}/comparison${query({ limit })}`),
  deleteScenario: (name) => request('DELETE', `/api/scenarios/${seg(name)}`),
};
