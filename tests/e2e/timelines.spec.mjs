// Stories about reading: every timeline kind, a long scroll that stays light, polls, and
// coming back from a thread to the same place.
import { test, expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';
import { resetDemo, signIn, watchErrors } from './helpers.mjs';

test.beforeEach(async ({ request }) => resetDemo(request));

const token = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('woolly.accounts'))[0].token);
const api = async (request, page, path) => {
  const res = await request.get(`${INSTANCE}${path}`, { headers: { Authorization: `Bearer ${await token(page)}` } });
  expect(res.status()).toBe(200);
  return res.json();
};

test('every timeline kind loads', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  for (const [path, name] of [['/local', 'Local'], ['/federated', 'Federated']]) {
    await page.getByRole('link', { name }).first().click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    const feed = page.getByRole('feed', { name });
    await expect(feed.locator('article').first()).toBeVisible();
    const first = (await api(request, page, `/api/v1/timelines/public${path === '/local' ? '?local=true' : ''}`))[0];
    await expect(feed.locator('article').first()).toHaveAttribute('data-id', first.id);
  }
  const [list] = await api(request, page, '/api/v1/lists');
  await page.goto(`/lists/${list.id}`);
  const listFirst = (await api(request, page, `/api/v1/timelines/list/${list.id}`))[0];
  await expect(page.getByRole('feed').locator('article').first()).toHaveAttribute('data-id', listFirst.id);

  const tagged = (await api(request, page, '/api/v1/timelines/home?limit=40')).map((s) => s.reblog ?? s).find((s) => s.tags.length);
  const tag = tagged.tags[0].name;
  await page.goto(`/tags/${encodeURIComponent(tag)}`);
  await expect(page.getByRole('heading', { name: `#${tag}` })).toBeVisible();
  const tagFirst = (await api(request, page, `/api/v1/timelines/tag/${encodeURIComponent(tag)}`))[0];
  await expect(page.getByRole('feed').locator('article').first()).toHaveAttribute('data-id', tagFirst.id);
  expect(errors).toEqual([]);
});

test('scrolling through 500 statuses keeps at most 100 articles in the page', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'alice');
  const feed = page.getByRole('feed', { name: 'Home' });
  let maxArticles = 0;
  let seenUpTo = 0;
  for (let i = 0; i < 200 && seenUpTo < 500; i++) {
    await page.mouse.wheel(0, 2500);
    await page.waitForTimeout(60);
    const state = await feed.evaluate((el) => ({
      articles: el.querySelectorAll('article').length,
      last: Math.max(0, ...[...el.querySelectorAll('article')].map((a) => Number(a.getAttribute('aria-posinset')))),
    }));
    maxArticles = Math.max(maxArticles, state.articles);
    seenUpTo = Math.max(seenUpTo, state.last);
  }
  expect(seenUpTo).toBeGreaterThanOrEqual(500);
  expect(maxArticles).toBeLessThanOrEqual(100);
  // Scrolling back up brings the first statuses back.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(feed.locator('article[aria-posinset="1"]')).toBeVisible();
});

test('vote in a poll and see the results', async ({ page, request }) => {
  await signIn(page, 'alice');
  let withPoll;
  let path = '/api/v1/timelines/home?limit=40';
  for (let i = 0; i < 20 && !withPoll && path; i++) {
    const res = await request.get(path.startsWith('http') ? path : `${INSTANCE}${path}`, {
      headers: { Authorization: `Bearer ${await token(page)}` },
    });
    withPoll = (await res.json()).map((s) => s.reblog ?? s)
      .find((s) => s.poll && !s.poll.expired && !s.poll.voted && !s.poll.multiple);
    path = /<([^>]+)>; rel="next"/.exec(res.headers().link ?? '')?.[1];
  }
  expect(withPoll, 'an open single-choice poll in alice\'s home').toBeTruthy();
  await page.goto(`/statuses/${withPoll.id}`);
  const article = page.locator(`.thread-focus article`);
  await article.getByRole('radio').first().check();
  await article.getByRole('button', { name: 'Vote' }).click();
  await expect(article.locator('.poll-option.is-own')).toHaveCount(1);
  await expect(article.locator('.poll-pct').first()).toContainText('%');
  const poll = await api(request, page, `/api/v1/polls/${withPoll.poll.id}`);
  expect(poll.voted).toBe(true);
  expect(poll.own_votes).toEqual([0]);
});

test('open a status and come back to the same place', async ({ page }) => {
  await signIn(page, 'alice');
  const feed = page.getByRole('feed', { name: 'Home' });
  for (let i = 0; i < 40 && !(await feed.locator('article[aria-posinset="30"]').count()); i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(100);
  }
  await feed.locator('article[aria-posinset="30"]').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  const target = feed.locator('article[aria-posinset="30"]');
  const id = await target.getAttribute('data-id');
  const before = await target.evaluate((el) => el.getBoundingClientRect().top);
  await target.locator('.status-time').click();
  await expect(page).toHaveURL(/\/statuses\//);
  await expect(page.locator('.thread-focus article')).toBeVisible();
  await page.goBack();
  const again = page.locator(`[role=feed] article[data-id="${id}"]`).first();
  await expect(again).toBeVisible();
  await expect.poll(() => again.evaluate((el) => Math.round(el.getBoundingClientRect().top)))
    .toBeGreaterThan(before - 40);
  expect(Math.abs((await again.evaluate((el) => el.getBoundingClientRect().top)) - before)).toBeLessThan(40);
});

// Reads the cached home page the app keeps in IndexedDB (null when there is none).
const cachedHome = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('woolly');
  open.onerror = () => resolve(null);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('cache')) return resolve(null);
    const keys = db.transaction('cache').objectStore('cache').getAllKeys();
    keys.onsuccess = () => resolve(keys.result.find((k) => k.startsWith('home.')) ?? null);
  };
}));

test('a reload shows the cached home page before the server answers, then the server page', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const feed = page.getByRole('feed', { name: 'Home' });
  await expect(feed.locator('article').first()).toBeVisible();
  await expect.poll(() => cachedHome(page)).not.toBeNull();

  // Something new on the server that the cached page cannot know about.
  const res = await request.post(`${INSTANCE}/api/v1/statuses`, {
    headers: { Authorization: `Bearer ${await token(page)}` },
    form: { status: 'Posted while the app was closed' },
  });
  expect(res.status()).toBe(200);
  const fresh = (await res.json()).id;

  // Hold the home timeline request: what shows meanwhile can only come from the cache.
  let release;
  const held = new Promise((r) => { release = r; });
  let asked = false;
  await page.route(`${INSTANCE}/api/v1/timelines/home*`, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.reload();
  await expect(feed.locator('article').first()).toBeVisible();
  expect(asked).toBe(true);
  await expect(feed.locator(`article[data-id="${fresh}"]`)).toHaveCount(0);

  // The server's page then replaces it, new post included.
  release();
  await expect(feed.locator(`article[data-id="${fresh}"]`)).toHaveCount(1);
  await expect(feed.locator(`article[data-id="${fresh}"]`)).toContainText('Posted while the app was closed');

  // Logging out forgets the cached page.
  await page.unroute(`${INSTANCE}/api/v1/timelines/home*`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\.html$/);
  expect(await cachedHome(page)).toBeNull();
  expect(errors).toEqual([]);
});

test('on a phone, no status makes the page wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'alice');
  const feed = page.getByRole('feed', { name: 'Home' });
  await expect(feed.locator('article').first()).toBeVisible();
  // Long handles (a quoted @user@host:port), links and cards must wrap or be cut, not widen.
  for (let i = 0; i < 8; i++) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(150);
  }
});
