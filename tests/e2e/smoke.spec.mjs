// Smoke test: the release build loads in Chromium and its wasm starts without an error.
// Catches a broken wasm-opt (Debian's binaryen corrupts the externref table and the page dies
// with a `WebAssembly.Table.set()` TypeError while Trunk still reports success).
import { test, expect } from '@playwright/test';

test('the app loads with its title and no page errors', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Woolly/);
  // Let the wasm download, instantiate and mount before judging.
  await page.waitForLoadState('networkidle');

  expect(errors).toEqual([]);
});
