// Shared steps of the end-to-end stories: what a person does to sign in.
import { expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';

/** The instance as a person would type it: host and port, no scheme. */
export const INSTANCE_TYPED = INSTANCE.replace(/^http:\/\//, '');

/** Fails the test on any uncaught page error (a panic in the app shows up here). */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Types the instance on the sign-in page and lands on the demo's authorize page. */
export async function startSignIn(page, typed = INSTANCE_TYPED) {
  await page.goto('/login');
  // /login forwards to the sign-in bundle.
  await expect(page).toHaveURL(/\/login\.html/);
  const field = page.getByLabel('Your instance');
  await field.fill(typed);
  await expect(field).toHaveValue(typed);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${INSTANCE}/oauth/authorize`), { timeout: 15_000 });
}

/** The demo's authorize page: sign in as `user` and press Authorize. */
export async function authorizeAs(page, user = 'alice') {
  await page.getByLabel('Username or e-mail').fill(user);
  await page.getByLabel('Password').fill('woolly');
  await page.getByRole('button', { name: 'Authorize' }).click();
}

/** The whole sign-in, ending on the home feed. */
export async function signIn(page, user = 'alice') {
  await startSignIn(page);
  await authorizeAs(page, user);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('feed', { name: 'Home' }).locator('article').first()).toBeVisible();
}

/** Resets the demo instance's data and switches. */
export async function resetDemo(request, config = {}) {
  await request.post(`${INSTANCE}/__demo/reset`);
  await request.post(`${INSTANCE}/__demo/config`, { data: { pkce_metadata: true, ...config } });
}
