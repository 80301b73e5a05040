// Stories about signing in on any server and living with several accounts.
import { test, expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';
import { INSTANCE_TYPED, authorizeAs, resetDemo, signIn, startSignIn, watchErrors } from './helpers.mjs';

test.beforeEach(async ({ request }) => resetDemo(request));

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('woolly.accounts') || '[]'));

async function firstHomeId(request, token) {
  const res = await request.get(`${INSTANCE}/api/v1/timelines/home?limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json())[0].id;
}

test('sign in to a server without PKCE metadata (older Mastodon, GoToSocial)', async ({ page, request }) => {
  await resetDemo(request, { pkce_metadata: false });
  const errors = watchErrors(page);
  let authorizeUrl = '';
  page.on('request', (r) => { if (r.url().startsWith(`${INSTANCE}/oauth/authorize`) && r.method() === 'GET') authorizeUrl = r.url(); });
  await signIn(page, 'alice');
  expect(authorizeUrl).not.toBe('');
  expect(authorizeUrl).not.toContain('code_challenge');
  expect(authorizeUrl).toContain('state=');
  expect(errors).toEqual([]);
});

test('two accounts on one instance, switching between them', async ({ page, request }) => {
  await signIn(page, 'alice');
  await page.getByRole('link', { name: 'Add account' }).click();
  await expect(page.getByLabel('Your instance')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/force_login=true/);
  await authorizeAs(page, 'bob');
  const feed = page.getByRole('feed', { name: 'Home' });
  await expect(feed.locator('article').first()).toBeVisible();

  const accounts = await stored(page);
  expect(accounts.map((a) => a.acct)).toEqual(['alice', 'bob']);
  const [alice, bob] = accounts;
  await expect(feed.locator('article').first()).toHaveAttribute('data-id', await firstHomeId(request, bob.token));
  await expect(page.getByRole('button', { name: /@bob@/ })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: /@alice@/ }).click();
  await expect(page.getByRole('button', { name: /@alice@/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(feed.locator('article').first()).toHaveAttribute('data-id', await firstHomeId(request, alice.token));
});

test('signing out revokes the token', async ({ page, request }) => {
  await signIn(page, 'alice');
  const [alice] = await stored(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The sign-in form is its own bundle, login.html.
  await expect(page).toHaveURL(/\/login\.html$/);
  await expect(page.getByLabel('Your instance')).toBeVisible();
  expect(await stored(page)).toEqual([]);
  const res = await request.get(`${INSTANCE}/api/v1/accounts/verify_credentials`, {
    headers: { Authorization: `Bearer ${alice.token}` },
  });
  expect(res.status()).toBe(401);
});

test('a 401 mid-session asks to sign in again, keeping the account', async ({ page, request }) => {
  await signIn(page, 'alice');
  const [alice] = await stored(page);
  // The token is revoked elsewhere (another device, the server's settings page).
  const revoked = await request.post(`${INSTANCE}/oauth/revoke`, {
    form: { client_id: alice.client_id, client_secret: alice.client_secret, token: alice.token },
  });
  expect(revoked.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('alert').first()).toContainText('Your session for @alice@');
  expect((await stored(page))[0].expired).toBe(true);
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page.getByLabel('Your instance')).toHaveValue(INSTANCE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await authorizeAs(page, 'alice');
  await expect(page.getByRole('feed', { name: 'Home' }).locator('article').first()).toBeVisible();
  const accounts = await stored(page);
  expect(accounts.length).toBe(1);
  expect(accounts[0].expired).toBe(false);
});

test('malformed input and unreachable servers are explained', async ({ page }) => {
  await page.goto('/login');
  const field = page.getByLabel('Your instance');
  await field.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Only web addresses');
  await field.fill('');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Type the address of your server');
  await field.fill('127.0.0.1:9'); // nothing listens on the discard port
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("Couldn't reach that server", { timeout: 15_000 });
});

test('the Sign in button stays put when the server preview arrives', async ({ page }) => {
  await page.goto('/login.html');
  await page.getByLabel('Your instance').fill(INSTANCE_TYPED);
  const button = page.getByRole('button', { name: 'Sign in' });
  const before = await button.boundingBox();
  await expect(page.getByRole('region', { name: 'About this server' })).toBeVisible();
  // A click aimed at the button as the preview lands must still hit it.
  expect((await button.boundingBox()).y).toBe(before.y);
});
