// The dashboard in a real headless Chromium against a real `takt serve`.
//
//   TAKT_BINARY=build/src/cli/takt node --test web/tests/
//   node web/tests/dashboard.test.mjs [TAKT_BINARY [WORK_DIR]]
//
// Environment: TAKT_BINARY (default: build/src/cli/takt of this repository), TAKT_WEB_WORK (default: a fresh
// temporary folder), CHROMIUM (default: /usr/bin/chromium). It generates the demo dataset, imports it into a fresh
// store, starts `takt serve --port 0`, drives every view at 1280x800, saves screenshots to WORK/screens/ and stops
// the server at the end, also on failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const repo = path.resolve(webDir, '..');
const binary = path.resolve(process.argv[2] || process.env.TAKT_BINARY || path.join(repo, 'build/src/cli/takt'));
const work = path.resolve(process.argv[3] || process.env.TAKT_WEB_WORK || fs.mkdtempSync(path.join(os.tmpdir(), 'takt-web-')));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const screens = path.join(work, 'screens');

let server = null;
let serverLog = '';
let browser = null;
let page = null;
let baseUrl = '';
const problems = []; // console errors, page errors, failed requests
let expectFailures = null; // a predicate for failures a step provokes on purpose (a 422)

function run(args) {
  const r = spawnSync(binary, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw new Error(`takt ${args.join(' ')} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`takt ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(binary, ['serve', '--db', db, '--port', '0', '--web', webDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error(`takt serve did not say it was listening within 30 s:\n${serverLog}`)), 30_000);
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      serverLog += chunk;
      const m = /takt serve: listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    server.stderr.on('data', (chunk) => {
      serverLog += chunk;
    });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`takt serve exited (${code ?? signal}) before listening:\n${serverLog}`));
    });
  });
}

let stopping = false;

function stopServer() {
  stopping = true;
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), 5_000);
    server.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

// Whatever happens, the server does not outlive the test.
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});

async function shot(name) {
  await page.screenshot({ path: path.join(screens, `${name}.png`) });
}

async function view(name) {
  await page.click(`[data-testid="nav-${name}"]`);
  await page.waitForSelector(`[data-testid="view-${name}"]:not([hidden])`);
}

/** Series data points and painted canvas pixels of the ECharts chart in the element with this test id. */
async function chartState(testid) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const chart = el && window.echarts.getInstanceByDom(el);
    if (!chart) return { points: 0, painted: 0, series: 0 };
    const option = chart.getOption();
    let points = 0;
    for (const s of option.series || []) points += (s.data || []).filter((v) => v !== null && v !== undefined).length;
    let painted = 0;
    const canvas = el.querySelector('canvas');
    if (canvas && canvas.width && canvas.height) {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4 * 7) if (data[i] > 0) painted++;
    }
    return { points, painted, series: (option.series || []).length };
  }, testid);
}

async function assertChart(testid, minSeries = 1) {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el && Number(el.dataset.points) > 0;
  }, testid);
  await page.waitForTimeout(400); // the chart's entry animation
  const s = await chartState(testid);
  assert.ok(s.series >= minSeries, `${testid}: ${s.series} series, expected at least ${minSeries}`);
  assert.ok(s.points > 0, `${testid}: the chart has no data`);
  assert.ok(s.painted > 500, `${testid}: the canvas is (nearly) blank (${s.painted} painted samples)`);
  return s;
}

async function ordersState() {
  return page.evaluate(() => ({
    total: Number(document.querySelector('[data-testid="orders-count"]').dataset.total),
    keys: [...document.querySelectorAll('[data-testid="order-row"]')].map((r) => r.dataset.key),
    statuses: [...document.querySelectorAll('[data-testid="order-row"] .badge-on_time, [data-testid="order-row"] .badge-late, [data-testid="order-row"] .badge-unplanned')].map(
      (b) => b.textContent,
    ),
  }));
}

/** Runs action, then waits until the orders table differs from what it was. */
async function ordersChange(action) {
  const beforeState = await ordersState();
  await action();
  await page.waitForFunction(
    (prev) => {
      const total = Number(document.querySelector('[data-testid="orders-count"]').dataset.total);
      const keys = [...document.querySelectorAll('[data-testid="order-row"]')].map((r) => r.dataset.key).join(' ');
      return !document.querySelector('.table-wrap.loading') && (total !== prev.total || keys !== prev.keys.join(' '));
    },
    beforeState,
    { timeout: 10_000 },
  );
  return { before: beforeState, after: await ordersState() };
}

before(async () => {
  assert.ok(fs.existsSync(binary), `no takt binary at ${binary} (set TAKT_BINARY)`);
  assert.ok(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`);
  fs.mkdirSync(screens, { recursive: true });
  const data = path.join(work, 'demo');
  const db = path.join(work, 'takt.db');
  fs.rmSync(data, { recursive: true, force: true });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  run(['generate', '--scale', 'demo', '--out', data]);
  run(['import', data, '--db', db]);
  baseUrl = await startServer(db);
  server.on('exit', (code, signal) => {
    if (!stopping) problems.push(`takt serve exited during the test (${code ?? signal}):\n${serverLog}`);
  });

  browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = `console error: ${m.text()} (${m.location().url || ''})`;
    if (!(expectFailures && expectFailures(text))) problems.push(text);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const text = `HTTP ${r.status()}: ${r.request().method()} ${r.url()}`;
    if (!(expectFailures && expectFailures(text))) problems.push(text);
  });
});

after(async () => {
  try {
    if (browser) await browser.close();
  } finally {
    await stopServer();
  }
  if (process.env.TAKT_WEB_VERBOSE) console.log(serverLog);
  console.log(`screenshots in ${screens}`);
});

test('overview: KPI tiles show numbers, both charts render with data', async () => {
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  for (const id of ['backlog', 'revenue-this', 'revenue-next', 'margin', 'on-time-lines', 'on-time-value']) {
    const text = await page.textContent(`[data-testid="kpi-${id}-value"]`);
    assert.match(text, /\d/, `KPI ${id} shows "${text}"`);
  }
  assert.match(await page.textContent('[data-testid="kpi-backlog-value"]'), /^\$\d+(\.\d+)?[KMBT]?$/);
  assert.match(await page.textContent('[data-testid="kpi-on-time-lines-value"]'), /^\d+(\.\d)?%$/);
  await assertChart('chart-quarters', 2);
  await assertChart('chart-burndown');
  assert.ok((await page.$$('[data-testid="constraints-table"] tbody tr')).length > 0, 'top constraints listed');
  await shot('overview');
});

test('orders: the late lines, filters, sorting and paging change the table', async () => {
  await view('orders');
  await page.waitForSelector('[data-testid="order-row"]');
  const first = await ordersState();
  assert.ok(first.total > 0, 'late or unplanned lines listed');
  assert.ok(first.keys.length <= 50, 'one page of at most 50 rows');
  assert.ok(first.statuses.every((s) => s === 'late' || s === 'unplanned'), `default filter shows late and unplanned: ${first.statuses}`);
  await shot('orders');

  // status filter
  const unplanned = await ordersChange(() => page.selectOption('[data-testid="filter-status"]', 'unplanned'));
  assert.ok(unplanned.after.total < first.total, `unplanned (${unplanned.after.total}) are fewer than late + unplanned (${first.total})`);
  assert.ok(unplanned.after.statuses.every((s) => s === 'unplanned'), 'only unplanned lines');

  // reason filter, combined with status = all
  await ordersChange(() => page.selectOption('[data-testid="filter-status"]', ''));
  const reasons = await page.$$eval('[data-testid="filter-reason"] option', (os) => os.map((o) => o.value).filter(Boolean));
  let changed = false;
  for (const reason of reasons) {
    const beforeTotal = (await ordersState()).total;
    await page.selectOption('[data-testid="filter-reason"]', reason);
    await page.waitForFunction(() => !document.querySelector('.table-wrap.loading'));
    await page.waitForTimeout(150);
    const now = await ordersState();
    if (now.total > 0 && now.total !== beforeTotal) {
      changed = true;
      const cells = await page.$$eval('[data-testid="order-row"] td[data-col="reason"] .badge', (bs) => bs.map((b) => b.textContent));
      assert.ok(cells.every((c) => c === reason.replace(/_/g, ' ')), `reason filter ${reason}: ${cells}`);
      break;
    }
  }
  assert.ok(changed, 'some reason filter changes the table');
  await page.click('[data-testid="filter-reset"]');
  await page.waitForFunction((t) => Number(document.querySelector('[data-testid="orders-count"]').dataset.total) === t, first.total);

  // sorting by request date, ascending
  await ordersChange(() => page.click('[data-testid="sort-request"]'));
  const requests = await page.$$eval('[data-testid="order-row"] td[data-col="request"]', (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(requests, [...requests].sort(), 'sorted by request date');

  // paging
  if (first.total > 50) {
    const paged = await ordersChange(() => page.click('[data-testid="page-next"]'));
    assert.equal(paged.after.total, paged.before.total);
    assert.notEqual(paged.after.keys[0], paged.before.keys[0], 'the next page shows other lines');
    assert.match(await page.textContent('[data-testid="page-info"]'), /^51–/);
  }

  // customer filter (a type-ahead: the large dataset has tens of thousands of customers)
  const someCustomer = await page.$eval('[data-testid="order-row"] td[data-col="customer"]', (td) => td.textContent);
  const byCustomer = await ordersChange(async () => {
    await page.fill('[data-testid="filter-customer"]', someCustomer.toLowerCase());
    await page.press('[data-testid="filter-customer"]', 'Enter');
  });
  const customers = await page.$$eval('[data-testid="order-row"] td[data-col="customer"]', (tds) => tds.map((t) => t.textContent));
  assert.ok(byCustomer.after.total > 0 && customers.every((c) => c === someCustomer), `customer filter ${someCustomer}: ${customers}`);
  await page.click('[data-testid="filter-reset"]');
  await page.waitForFunction((t) => Number(document.querySelector('[data-testid="orders-count"]').dataset.total) === t, first.total);

  // search
  const customer = await page.$eval('[data-testid="order-row"] td[data-col="customer"]', (td) => td.textContent);
  const searched = await ordersChange(() => page.fill('[data-testid="filter-q"]', customer));
  assert.ok(searched.after.total > 0 && searched.after.total < first.total, `search "${customer}" narrows the table`);
  await page.fill('[data-testid="filter-q"]', '');
  await page.click('[data-testid="filter-reset"]');
  await page.waitForFunction((t) => Number(document.querySelector('[data-testid="orders-count"]').dataset.total) === t, first.total);
});

test('orders: a late line drills down to its reason and BOM', async () => {
  await page.selectOption('[data-testid="filter-status"]', 'late');
  await page.waitForFunction(() => !document.querySelector('.table-wrap.loading') && document.querySelector('[data-testid="order-row"]'));
  await page.waitForTimeout(200);
  const key = await page.$eval('[data-testid="order-row"]', (r) => r.dataset.key);
  await page.click('[data-testid="order-row"]');
  await page.waitForSelector('[data-testid="drilldown"]:not([hidden]) [data-testid="drill-reason"]');
  const reason = (await page.textContent('[data-testid="drill-reason"] .why-text')).trim();
  assert.ok(reason.length > 10 && reason !== 'no reason given', `line ${key} has a reason: "${reason}"`);
  assert.ok(await page.$('[data-testid="drill-bom"] .bom-node'), 'the BOM tree is shown');
  assert.ok(await page.$('[data-testid="drill-shipments"]'), 'shipments are shown');
  assert.ok(await page.$('[data-testid="drill-pegging"]'), 'pegging is shown');
  await shot('drilldown');
  await page.click('[data-testid="drill-close"]');
  await page.waitForSelector('[data-testid="drilldown"][hidden]', { state: 'attached' });
  await page.click('[data-testid="filter-reset"]');
});

test('errors: an API error shows in the banner', async () => {
  expectFailures = (text) => /\b404\b/.test(text);
  try {
    await page.evaluate(() => {
      location.hash = '#orders/SO-NO-SUCH-ORDER/1';
    });
    await page.waitForSelector('[data-testid="error-banner"]:not([hidden])');
  } finally {
    await page.waitForTimeout(200);
    expectFailures = null;
  }
  const text = await page.textContent('[data-testid="error-banner"]');
  assert.match(text, /SO-NO-SUCH-ORDER/, `the banner names the line: ${text}`);
  assert.match(text, /not_found/, `the banner gives the error code: ${text}`);
  await shot('error-banner');
  await page.click('[data-testid="error-banner"] .banner-close');
  await page.waitForSelector('[data-testid="error-banner"][hidden]', { state: 'attached' });
  await page.click('[data-testid="drill-close"]');
});

test('capacity: the heatmap and a resource load chart render with data', async () => {
  await view('capacity');
  await assertChart('chart-heatmap');
  await assertChart('chart-load', 2);
  assert.ok((await page.$$('[data-testid="resources-table"] tbody tr')).length > 0, 'resources listed');
  await shot('capacity');
});

test('promise: the form returns a date', async () => {
  await view('promise');
  await page.fill('[data-testid="promise-qty"]', '4');
  const countries = await page.$$eval('[data-testid="promise-ship-to"] option', (os) => os.map((o) => o.value));
  if (countries.includes('US')) await page.selectOption('[data-testid="promise-ship-to"]', 'US');
  await page.check('[data-testid="promise-partial"]');
  await page.click('[data-testid="promise-submit"]');
  await page.waitForSelector('[data-testid="promise-answer"]', { timeout: 15_000 });
  const date = (await page.textContent('[data-testid="promise-date"]')).trim();
  assert.match(date, /^\d{4}-\d{2}-\d{2}$/, `the promise has a date: "${date}"`);
  assert.ok((await page.$$('[data-testid="promise-shipments"] tbody tr:not(.empty)')).length > 0, 'the answer lists shipments');
  await shot('promise');
});

test('scenarios: invalid edits show validation errors next to the form', async () => {
  await view('scenarios');
  await page.fill('[data-testid="scenario-name"]', `bad-${Date.now()}`);
  await page.click('[data-testid="add-delay"]');
  await page.fill('[data-testid="edit-0-item"]', 'NO-SUCH-ITEM-XYZ');
  expectFailures = (text) => /\b422\b/.test(text);
  try {
    await page.click('[data-testid="scenario-create"]');
    await page.waitForSelector('[data-testid="scenario-errors"]:not([hidden])', { timeout: 10_000 });
  } finally {
    await page.waitForTimeout(200);
    expectFailures = null;
  }
  const text = await page.textContent('[data-testid="scenario-errors"]');
  assert.match(text, /NO-SUCH-ITEM-XYZ|item/i, `the error names the item: ${text}`);
  const nextToField = await page.$$eval('[data-testid="scenario-edit"] [data-testid="edit-error"]', (es) => es.map((e) => e.textContent));
  assert.ok(nextToField.length > 0, 'the error is also shown next to the edit it is about');
  await page.click('[data-testid="scenario-edit"] .edit-remove');
});

test('scenarios: a scenario is created, run and its comparison appears', async () => {
  const name = `more-capacity-${Date.now() % 100000}`;
  await page.fill('[data-testid="scenario-name"]', name);
  await page.fill('[data-testid="scenario-description"]', 'browser test: two more units a day on a resource');
  await page.click('[data-testid="add-capacity_add"]');
  const resource = await page.$eval('[data-testid="edit-0-resource"]', (s) => s.value);
  assert.ok(resource, 'a resource is offered');
  await page.fill('[data-testid="edit-0-add_per_day"]', '3');
  const json = JSON.parse(await page.textContent('[data-testid="scenario-json"]'));
  assert.equal(json.name, name);
  assert.equal(json.edits.capacity[0].resource, resource);
  assert.equal(json.edits.capacity[0].add_per_day, 3);
  await page.click('[data-testid="scenario-create-run"]');
  await page.waitForSelector('[data-testid="comparison"]', { timeout: 30_000 });
  assert.ok((await page.$$('[data-testid="comparison-quarters"] tbody tr:not(.empty)')).length > 0, 'quarter deltas listed');
  await assertChart('chart-comparison', 2);
  await page.waitForFunction((n) => {
    const row = [...document.querySelectorAll('[data-testid="scenarios-table"] tbody tr')].find((r) => r.textContent.includes(n));
    return row && row.textContent.includes('planned');
  }, name);
  await page.$eval('[data-testid="comparison-card"]', (el) => el.scrollIntoView());
  await shot('scenarios');

  // the overview compares the base with it
  await view('overview');
  await page.selectOption('[data-testid="overview-scenario"]', name);
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="chart-quarters"]');
    return window.echarts.getInstanceByDom(el).getOption().series.length === 4;
  });
  await assertChart('chart-quarters', 4);
  await assertChart('chart-burndown');
  await shot('overview-scenario');
});

test('no console errors, no failed requests', () => {
  assert.deepEqual(problems, []);
});
