// Stories about failures while writing, on both kinds of server: one that honours
// `Idempotency-Key` (Mastodon) and one that ignores it (GoToSocial and others, the demo's
// `idempotency: false`). A post whose answer is lost — the server made it, then the answer
// broke — exists exactly once; a refused post is sent again only when the person asks; a 429
// is retried by itself after the reset; a draft survives a reload right after a keystroke.
import { test, expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';
import { resetDemo, signIn, watchErrors } from './helpers.mjs';

const token = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('woolly.accounts'))[0].token);
const api = async (request, page, path) => {
  const res = await request.get(`${INSTANCE}${path}`, { headers: { Authorization: `Bearer ${await token(page)}` } });
  expect(res.status()).toBe(200);
  return res.json();
};
/** How many of the signed-in account's statuses on the server read exactly `text`. */
const copiesOnServer = async (request, page, text) => {
  const me = await api(request, page, '/api/v1/accounts/verify_credentials');
  const mine = await api(request, page, `/api/v1/accounts/${me.id}/statuses?limit=40`);
  return mine.filter((s) => s.content.replace(/<[^>]+>/g, '') === text).length;
};
const failNext = (request, rule) =>
  request.post(`${INSTANCE}/__demo/config`, { data: { fail_next: { path: '/api/v1/statuses', method: 'POST', count: 1, ...rule } } });
const home = (page) => page.getByRole('feed', { name: 'Home' });

/** Writes `text` in a new post and presses Post; returns the dialog. */
const post = async (page, text) => {
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Post text').fill(text);
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  return dialog;
};

for (const [server, idempotency] of [['honours', true], ['ignores', false]]) {
  test.describe(`on a server that ${server} Idempotency-Key`, () => {
    test.beforeEach(async ({ request }) => resetDemo(request, { idempotency }));

    test('posts whose answers were lost exist exactly once, without asking the person', async ({ page, request }) => {
      const errors = watchErrors(page);
      await signIn(page, 'alice');
      const faults = [
        ['committed then a 502', { commit: true, status: 502 }],
        ['a torn answer', { body: 'truncate' }],
        ['a dropped connection', { body: 'drop' }],
      ];
      for (const [name, rule] of faults) {
        await failNext(request, rule);
        const text = `After ${name} ${Date.now()}`;
        const dialog = await post(page, text);
        // Woolly looks for the post, finds it and closes the composer: no error, no retry.
        await expect(dialog).toBeHidden({ timeout: 15_000 });
        await expect(home(page).locator('article').first()).toContainText(text);
        expect(await copiesOnServer(request, page, text), name).toBe(1);
      }
      expect(errors).toEqual([]);
    });

    test('a post the server refused is sent again by Try again, once', async ({ page, request }) => {
      await signIn(page, 'alice');
      await failNext(request, { status: 503 });
      const text = `Refused first ${Date.now()}`;
      const dialog = await post(page, text);
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('The server had a problem');
      await expect(dialog.getByLabel('Post text')).toHaveValue(text);
      expect(await copiesOnServer(request, page, text)).toBe(0);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect(dialog).toBeHidden();
      expect(await copiesOnServer(request, page, text)).toBe(1);
    });
  });
}

test.describe('on a server that ignores Idempotency-Key', () => {
  test.beforeEach(async ({ request }) => resetDemo(request, { idempotency: false }));

  test('a post that stalled past the timeout is found, not posted again', async ({ page, request }) => {
    test.setTimeout(60_000);
    await signIn(page, 'alice');
    // The server makes the post, then holds the answer for 25 s (Woolly gives up at 20 s).
    await failNext(request, { commit: true, status: 0, delay_ms: 25_000 });
    const text = `Stalled ${Date.now()}`;
    const dialog = await post(page, text);
    await expect(dialog.getByRole('button', { name: 'Posting…' })).toBeVisible();
    await expect(dialog).toBeHidden({ timeout: 35_000 });
    await expect(home(page).locator('article').first()).toContainText(text);
    expect(await copiesOnServer(request, page, text)).toBe(1);
  });

  test('a rate-limited post waits for the reset and sends itself', async ({ page, request }) => {
    await signIn(page, 'alice');
    await failNext(request, { status: 429, reset_in_ms: 3_000 });
    const text = `Rate limited ${Date.now()}`;
    const dialog = await post(page, text);
    await expect(dialog.getByRole('alert')).toContainText(/Woolly will send it again in [1-4] s/);
    expect(await copiesOnServer(request, page, text)).toBe(0);
    await expect(dialog).toBeHidden({ timeout: 10_000 });
    expect(await copiesOnServer(request, page, text)).toBe(1);
  });
});

test('a draft reloaded 50 ms after the last keystroke is all there', async ({ page, request }) => {
  await resetDemo(request);
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  const text = 'Every character counts, even the last one typed!';
  await dialog.getByLabel('Post text').pressSequentially(text);
  await page.waitForTimeout(50);
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'New post' }).getByLabel('Post text')).toHaveValue(text);
});

test('a favourite whose answer was dropped stays favourited, once', async ({ page, request }) => {
  const errors = watchErrors(page);
  await resetDemo(request);
  await signIn(page, 'alice');
  const timeline = await api(request, page, '/api/v1/timelines/home?limit=20');
  const s = timeline.find((s) => !s.reblog && s.account.acct !== 'alice' && s.visibility === 'public' && !s.favourited);
  expect(s).toBeTruthy();
  const card = home(page).locator(`article[data-id="${s.id}"]`);
  await card.scrollIntoViewIfNeeded();
  const fav = card.getByRole('button', { name: /^Favourite/ });
  await request.post(`${INSTANCE}/__demo/config`, {
    data: { fail_next: { path: `/api/v1/statuses/${s.id}/favourite`, body: 'drop' } },
  });
  await fav.click();
  await expect(fav).toHaveAttribute('aria-pressed', 'true');
  // Woolly asked the server how the post stands: favourited, so nothing to undo or explain.
  await page.waitForTimeout(1_500);
  await expect(fav).toHaveAttribute('aria-pressed', 'true');
  await expect(fav).toHaveAttribute('aria-label', `Favourite (${s.favourites_count + 1})`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const now = await api(request, page, `/api/v1/statuses/${s.id}`);
  expect(now.favourited).toBe(true);
  expect(now.favourites_count).toBe(s.favourites_count + 1);
  expect(errors).toEqual([]);
});

test('a timeline page torn in transit offers Try again, which loads it', async ({ page, request }) => {
  const errors = watchErrors(page);
  await resetDemo(request);
  await signIn(page, 'alice');
  await request.post(`${INSTANCE}/__demo/config`, {
    data: { fail_next: { path: '/api/v1/timelines/public', method: 'GET', body: 'truncate' } },
  });
  await page.getByRole('link', { name: 'Local' }).first().click();
  const alert = page.getByRole('alert').filter({ hasText: "wasn't what a Mastodon server sends" });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('feed', { name: 'Local' }).locator('article').first()).toBeVisible();
  await expect(alert).toBeHidden();
  expect(errors).toEqual([]);
});
