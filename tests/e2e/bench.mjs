// Woolly's performance benchmark, run by `cargo xtask bench` (not part of the test run).
// Starts the demo instance serving the release dist/, then in headless Chromium measures over
// several runs: bytes of code+CSS for the signed-in home view (raw, gzip -9, brotli); cold and
// warm start to the first painted status (from the app's performance marks); the time to
// render a page of 40 statuses; long tasks while scrolling through 1,000 statuses; and DOM
// nodes, JS heap and WASM memory with 1,000 loaded. Writes bench/results.json and a table.
//
// Cold starts are also measured on a slow link (Chrome DevTools' "Slow 4G"-like: 1.6 Mbps down,
// 750 kbps up, 150 ms round trip, through CDP): first contentful paint, the main module's
// arrival and the first status. With WOOLLY_BENCH_BEFORE_DIST (another release dist/, e.g. one
// built before a change) the size and the slow cold start are measured for it too, served by a
// second demo instance, so one run compares before and after.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';

const RUNS = Number(process.env.WOOLLY_BENCH_RUNS || 5);
const OUT = process.env.WOOLLY_BENCH_OUT || '../../bench/results.json';
const DEMO = process.env.WOOLLY_DEMO_BIN || '../../target/debug/woolly-demo';
const DIST = process.env.WOOLLY_DIST || '../../dist';
const BEFORE_DIST = process.env.WOOLLY_BENCH_BEFORE_DIST || '';
let INSTANCE = 'http://127.0.0.1:4710';
let APP = 'http://127.0.0.1:4711';
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), runs: xs.length });
const round = (x) => Math.round(x * 10) / 10;

function startDemo(dist = DIST, port = 4710) {
  return new Promise((resolve, reject) => {
    const child = spawn(DEMO, ['--port', String(port), '--app-dir', dist, '--app-port', String(port + 1)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => { if (String(d).includes('Woolly app:')) resolve(child); });
    child.on('exit', (code) => reject(new Error(`demo exited with ${code}`)));
  });
}

// Installed in every page: long tasks, and the WASM instance Trunk announces.
const INIT = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__woollyWasm = e.detail.wasm; });
};

async function signIn(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${APP}/login`);
  await page.getByLabel('Your instance').fill(INSTANCE.replace('http://', ''));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username or e-mail').fill('alice');
  await page.getByLabel('Password').fill('woolly');
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.locator('[role=feed] article').first().waitFor();
  // The session only: storageState() leaves IndexedDB (the cached home page) out unless
  // asked, so cold starts begin without the cache and warm starts (reloads) have it.
  const state = await context.storageState();
  await context.close();
  return state;
}

async function marks(page) {
  await page.locator('[role=feed] article').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('woolly:first-status').length > 0);
  return page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    return { firstStatus: at('woolly:first-status'), timelineResponse: at('woolly:timeline-response') };
  });
}

// The code and CSS fetched before the first status is painted (parts prefetched later, once
// the browser is idle, are not the home view's).
async function codeBytes(browser, state) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    const url = r.url();
    if (url.startsWith(APP) && /\.(wasm|js|css)$/.test(new URL(url).pathname)) bodies.push([new URL(url).pathname, await r.body()]);
  });
  await page.goto(`${APP}/`);
  await marks(page);
  const before = await page.evaluate(() => {
    const first = performance.getEntriesByName('woolly:first-status')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => e.startTime < first).map((e) => new URL(e.name).pathname);
  });
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = bodies.filter(([name]) => before.includes(name)).map(([name, body]) => ({
    name, raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
  const total = (k) => files.reduce((s, f) => s + f[k], 0);
  return { files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

async function coldStarts(browser, state, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ storageState: state });
    const page = await context.newPage();
    await page.goto(`${APP}/`);
    const at = await marks(page);
    // The first page's 40 statuses are mounted a few per frame, chunk by chunk (10 each):
    // the page is rendered when its fourth chunk is filled.
    await page.waitForFunction(() => performance.getEntriesByName('woolly:chunk-filled').length >= 4, null, { timeout: 15_000 });
    const filled = await page.evaluate(() => performance.getEntriesByName('woolly:chunk-filled')[3].startTime);
    results.push({ ...at, pageOf40: filled - at.timelineResponse });
    await context.close();
  }
  return results;
}

// Cold starts on the slow link: first contentful paint, the main module's arrival (the
// response end of the largest .wasm fetched before the first status) and the first status.
async function slowColdStarts(browser, state, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ storageState: state });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
    await page.goto(`${APP}/`, { timeout: 60_000 });
    await page.locator('[role=feed] article').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('woolly:first-status').length > 0, null, { timeout: 60_000 });
    results.push(await page.evaluate(() => {
      const first = performance.getEntriesByName('woolly:first-status')[0].startTime;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const wasm = performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.wasm') && e.startTime < first)
        .sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
      return { firstStatus: first, fcp, moduleArrived: wasm ? wasm.responseEnd : null };
    }));
    await context.close();
  }
  return results;
}

function slowStats(results) {
  return {
    firstStatusMs: stats(results.map((r) => r.firstStatus)),
    firstContentfulPaintMs: stats(results.map((r) => r.fcp)),
    moduleArrivedMs: stats(results.map((r) => r.moduleArrived)),
    paintedBeforeModule: results.filter((r) => r.fcp < r.moduleArrived).length,
  };
}

/** Runs `measure` for this build and, with --before, the earlier one, alternating run by run
 * so that both meet the machine in the same state. */
async function interleaved(builds, measure) {
  const out = builds.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, b] of builds.entries()) {
      [INSTANCE, APP] = [b.instance, b.app];
      out[k].push(...(await measure(b.state)));
    }
  }
  [INSTANCE, APP] = [builds[0].instance, builds[0].app];
  return out;
}

async function warmStarts(browser, state) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto(`${APP}/`);
  await marks(page);
  await page.waitForTimeout(500);
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    results.push(await marks(page));
  }
  await context.close();
  return results;
}

async function scrollThousand(browser, state) {
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  await page.goto(`${APP}/`);
  await page.locator('[role=feed] article').first().waitFor();
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__longTasks = []; });
  const started = Date.now();
  let loaded = 0;
  while (loaded < 1000 && Date.now() - started < 240_000) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(30);
    loaded = await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('[role=feed] article')].map((a) => Number(a.getAttribute('aria-posinset')))));
  }
  const out = await page.evaluate(() => ({
    longTasks: window.__longTasks,
    pageRenders: performance.getEntriesByName('woolly:page-render').map((m) => m.duration),
    domNodes: document.getElementsByTagName('*').length,
    articles: document.querySelectorAll('article').length,
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasmMemory: window.__woollyWasm?.memory?.buffer?.byteLength ?? null,
  }));
  await context.close();
  return { loaded, scrollSeconds: (Date.now() - started) / 1000, ...out };
}

const demo = await startDemo();
const beforeDemo = BEFORE_DIST ? await startDemo(BEFORE_DIST, 4720) : null;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  const builds = [{ instance: INSTANCE, app: APP }];
  if (beforeDemo) builds.push({ instance: 'http://127.0.0.1:4720', app: 'http://127.0.0.1:4721' });
  for (const b of builds) {
    [INSTANCE, APP] = [b.instance, b.app];
    b.state = await signIn(browser);
    b.size = await codeBytes(browser, b.state);
  }
  [INSTANCE, APP] = [builds[0].instance, builds[0].app];
  const state = builds[0].state;
  const size = builds[0].size;
  const colds = await interleaved(builds, (st) => coldStarts(browser, st, 1));
  const slows = await interleaved(builds, (st) => slowColdStarts(browser, st, 1));
  const cold = colds[0];
  const slow = slowStats(slows[0]);
  const before = beforeDemo ? {
    dist: BEFORE_DIST,
    codeAndCss: builds[1].size,
    coldStartFirstStatusMs: stats(colds[1].map((r) => r.firstStatus)),
    slowColdStart: slowStats(slows[1]),
  } : null;
  const warm = await warmStarts(browser, state);
  const scroll = await scrollThousand(browser, state);
  const results = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), chromium: browser.version() },
    runs: RUNS,
    codeAndCss: size,
    coldStart: { firstStatusMs: stats(cold.map((r) => r.firstStatus)), timelineResponseMs: stats(cold.map((r) => r.timelineResponse ?? NaN).filter(Number.isFinite)) },
    warmStart: {
      firstStatusMs: stats(warm.map((r) => r.firstStatus)),
      timelineResponseMs: stats(warm.map((r) => r.timelineResponse).filter((x) => x != null)),
      paintedBeforeResponse: warm.filter((r) => r.timelineResponse == null || r.firstStatus < r.timelineResponse).length,
    },
    // Cold start: from the timeline response to its 40 statuses all in the page.
    renderPageOf40Ms: stats(cold.map((r) => r.pageOf40)),
    slowNetwork: { profile: SLOW, coldStart: slow },
    before,
    // Each later page: from its response to the next frame (its first statuses shown).
    pageResponseToNextFrameMs: scroll.pageRenders.length ? stats(scroll.pageRenders) : null,
    scroll1000: {
      statusesLoaded: scroll.loaded,
      longTasksOver50ms: scroll.longTasks.filter((d) => d > 50).length,
      longestTaskMs: round(Math.max(0, ...scroll.longTasks)),
      articlesInDom: scroll.articles,
      domNodes: scroll.domNodes,
      jsHeapMiB: scroll.jsHeap && round(scroll.jsHeap / 2 ** 20),
      wasmMemoryMiB: scroll.wasmMemory && round(scroll.wasmMemory / 2 ** 20),
    },
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  const ms = (s) => `${s.median} ms (${s.min}–${s.max})`;
  console.log(`\n| measure | result |\n|---|---|
| code+CSS, raw / gzip -9 / brotli | ${kb(size.raw)} / ${kb(size.gzip)} / ${kb(size.brotli)} |
| cold start → first status (median, min–max) | ${ms(results.coldStart.firstStatusMs)} |
| slow link (1.6 Mbps, 150 ms): cold start → first status | ${ms(slow.firstStatusMs)} |
| slow link: first contentful paint / main module arrived | ${ms(slow.firstContentfulPaintMs)} / ${ms(slow.moduleArrivedMs)} (painted first in ${slow.paintedBeforeModule} of ${RUNS}) |
${before ? `| before (${before.dist}): code+CSS gzip -9 | ${kb(before.codeAndCss.gzip)} |
| before: cold start → first status | ${ms(before.coldStartFirstStatusMs)} |
| before: slow link cold start → first status | ${ms(before.slowColdStart.firstStatusMs)} |
| before: slow link first contentful paint / module arrived | ${ms(before.slowColdStart.firstContentfulPaintMs)} / ${ms(before.slowColdStart.moduleArrivedMs)} |
` : ''}| warm start → first status | ${ms(results.warmStart.firstStatusMs)} |
| warm start → timeline response | ${results.warmStart.timelineResponseMs.runs ? ms(results.warmStart.timelineResponseMs) : 'n/a'} |
| warm starts painted before the response | ${results.warmStart.paintedBeforeResponse} of ${RUNS} |
| first page of 40: response → all 40 rendered (a few per frame) | ${ms(results.renderPageOf40Ms)} |
| later pages: response → next frame | ${results.pageResponseToNextFrameMs ? ms(results.pageResponseToNextFrameMs) : 'n/a'} |
| long tasks > 50 ms scrolling 1,000 statuses | ${results.scroll1000.longTasksOver50ms} (longest ${results.scroll1000.longestTaskMs} ms) |
| with 1,000 loaded: articles / DOM nodes | ${results.scroll1000.articlesInDom} / ${results.scroll1000.domNodes} |
| with 1,000 loaded: JS heap / WASM memory | ${results.scroll1000.jsHeapMiB} MiB / ${results.scroll1000.wasmMemoryMiB} MiB |
`);
  console.log(`written to ${OUT}`);
} finally {
  await browser.close();
  demo.kill();
  beforeDemo?.kill();
}
