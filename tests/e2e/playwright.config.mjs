// Playwright configuration for Woolly's end-to-end tests.
//
// Run through `cargo xtask test`, which builds the release dist/ and the demo server once and
// passes their absolute paths as WOOLLY_DIST and WOOLLY_DEMO_BIN. Without them (running
// `npx playwright test -c playwright.config.mjs` from tests/e2e by hand) the defaults are the
// workspace's target/debug/woolly-demo and dist/, which must already be built.
//
// The browser is Debian's Chromium (/usr/bin/chromium): never `playwright install`.
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP, INSTANCE } from './env.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const demoBin = process.env.WOOLLY_DEMO_BIN || path.join(root, 'target', 'debug', 'woolly-demo');
const dist = process.env.WOOLLY_DIST || path.join(root, 'dist');
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

// Specs may read these as well as importing ./env.mjs.
process.env.WOOLLY_APP = APP;
process.env.WOOLLY_INSTANCE = INSTANCE;

// Chromium runs as root on a closed network: no sandbox, nothing that phones home.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: 'test-results',
  // One demo server shared by all tests on a 2-core machine: run them one at a time, in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // The list reporter ends with the summary lines (`N passed (12.3s)`, `N failed`) that
  // `cargo xtask test` counts.
  reporter: [['list']],
  use: {
    baseURL: APP,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `${quote(demoBin)} --port 4310 --app-dir ${quote(dist)} --app-port 4311`,
    url: `${INSTANCE}/api/v1/instance`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // The demo's request log stays quiet; its errors are shown.
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
