// Story: a newcomer types the demo instance, signs in through its authorize page, and reads
// their home timeline; scrolling loads the next page through the Link header.
import { test, expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';
import { authorizeAs, resetDemo, signIn, startSignIn, watchErrors } from './helpers.mjs';

test.beforeEach(async ({ request }) => resetDemo(request));

test('sign in with PKCE and read the home timeline', async ({ page, request }) => {
  const errors = watchErrors(page);
  let authorizeUrl = '';
  page.on('request', (r) => {
    if (r.url().startsWith(`${INSTANCE}/oauth/authorize`) && r.method() === 'GET') authorizeUrl = r.url();
  });
  await signIn(page, 'alice');
  // PKCE was used because the demo advertises S256.
  expect(authorizeUrl).toContain('code_challenge_method=S256');
  // The token never stays in the address bar.
  expect(page.url()).not.toContain('code=');

  const feed = page.getByRole('feed', { name: 'Home' });
  const articles = feed.locator('article');
  // (The feed is windowed, so count positions rather than elements.)
  const lastPosition = () => articles.evaluateAll((els) => Math.max(0, ...els.map((e) => Number(e.getAttribute('aria-posinset')))));
  // The first page is all there (the page after it may already be prefetched).
  await expect.poll(lastPosition).toBeGreaterThanOrEqual(40);

  // What is shown is what the server sent: compare with the instance's own first page.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('woolly.accounts'))[0].token);
  const home = await (await request.get(`${INSTANCE}/api/v1/timelines/home`, {
    headers: { Authorization: `Bearer ${token}` },
  })).json();
  for (const [i, status] of home.slice(0, 5).entries()) {
    const shown = status.reblog ?? status;
    const article = articles.nth(i);
    await expect(article.locator('.status-author .acct')).toHaveText(`@${shown.account.acct}`);
    await expect(article.locator('time')).toHaveAttribute('datetime', shown.created_at);
  }
  const first = home[0].reblog ?? home[0];
  const name = first.account.display_name || first.account.username;
  await expect(articles.first().locator('.display-name')).toContainText(name.replace(/:\w+:/g, '').trim());

  // Scrolling to the end loads the next pages via the Link header.
  await articles.last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 5000);
  await expect.poll(async () => {
    await page.mouse.wheel(0, 3000);
    return lastPosition();
  }, { timeout: 15_000 }).toBeGreaterThanOrEqual(120);
  const ids = await articles.evaluateAll((els) => els.map((e) => e.dataset.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(errors).toEqual([]);
});

test('a callback with a wrong state is refused with a clear message', async ({ page }) => {
  const errors = watchErrors(page);
  await startSignIn(page);
  // Instead of authorizing, come back with a forged state.
  await page.goto('/callback?code=stolen&state=not-the-one-we-sent');
  await expect(page.getByRole('alert')).toContainText("doesn't match a sign-in started here");
  await expect(page.getByRole('link', { name: 'Back to sign in' })).toBeVisible();
  expect(page.url()).not.toContain('stolen');
  expect(errors).toEqual([]);
});

test('a wrong PKCE verifier is refused by the server and explained', async ({ page }) => {
  await startSignIn(page);
  // Tamper with the stored verifier (in the app's origin, from a second tab), as someone
  // replaying a stolen code without the real verifier would.
  const tab = await page.context().newPage();
  // The sign-in page itself (the app's /login forwards here, which would race the evaluate).
  await tab.goto('/login.html');
  await tab.evaluate(() => {
    const pending = JSON.parse(localStorage.getItem('woolly.pending'));
    pending.forEach((p) => { p.verifier = 'x'.repeat(43); });
    localStorage.setItem('woolly.pending', JSON.stringify(pending));
  });
  await tab.close();
  await authorizeAs(page, 'alice');
  await expect(page.getByRole('alert')).toContainText('The server refused to finish the sign-in');
  await expect(page.locator('article')).toHaveCount(0);
});

test('pressing Deny explains that nothing was stored', async ({ page }) => {
  await startSignIn(page);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('alert')).toContainText('You chose not to allow Woolly access');
  expect(await page.evaluate(() => localStorage.getItem('woolly.accounts'))).toBeNull();
});
