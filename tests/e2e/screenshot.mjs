// Takes screenshots of the signed-in home timeline in light and dark, phone and desktop, for
// looking at the UI as a person would. Usage (with the demo running, e.g. `cargo xtask demo`):
//   node tests/e2e/screenshot.mjs [app-url] [out-dir]
import { chromium } from '@playwright/test';

const app = process.argv[2] || 'http://127.0.0.1:8080';
const out = process.argv[3] || '.';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const scheme of ['light', 'dark']) {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    await page.goto(`${app}/login`);
    if (name === 'desktop' && scheme === 'light') await page.screenshot({ path: `${out}/login-${scheme}.png` });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username or e-mail').fill('alice');
    await page.getByLabel('Password').fill('woolly');
    if (name === 'desktop' && scheme === 'light') await page.screenshot({ path: `${out}/authorize-${scheme}.png` });
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.locator('article').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/home-${name}-${scheme}.png` });
    await page.close();
  }
}
await browser.close();
