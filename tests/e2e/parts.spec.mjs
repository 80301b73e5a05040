// Stories about the parts Woolly loads on demand (issue 12): the home view paints its first
// status before any part is fetched (live updates, then prefetching, start after it); a thread, a profile and notifications opened cold fetch
// their part and show; the composer opened before its part arrives keeps what was typed; a part
// that cannot be fetched says so, and "Try again" brings it.
import { test, expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';
import { resetDemo, signIn, watchErrors } from './helpers.mjs';

test.beforeEach(async ({ request }) => resetDemo(request));

const PART = /\/app-[0-9a-f]+\/split_(\w+)\.wasm$/;
const token = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('woolly.accounts'))[0].token);
const api = async (request, page, path) => {
  const res = await request.get(`${INSTANCE}${path}`, { headers: { Authorization: `Bearer ${await token(page)}` } });
  expect(res.status()).toBe(200);
  return res.json();
};

/** Names of the parts the page has requested so far, in order. */
function watchParts(page) {
  const parts = [];
  page.on('request', (r) => {
    const m = PART.exec(new URL(r.url()).pathname);
    if (m) parts.push(m[1]);
  });
  return parts;
}

/** Holds every request for part `name` until the returned function is called. */
async function holdPart(page, name) {
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(new RegExp(`/split_${name}\\.wasm$`), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('home paints its first status before any part is fetched', async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const parts = watchParts(page);
  await page.reload();
  await expect(page.getByRole('feed', { name: 'Home' }).locator('article').first()).toBeVisible();
  const whenFirst = await page.evaluate(() => performance.getEntriesByName('woolly:first-status')[0]?.startTime ?? -1);
  expect(whenFirst).toBeGreaterThan(0);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/split_\w+\.wasm$/.test(e.name)).map((e) => e.startTime));
  // Prefetching may start once home is on screen, never before.
  for (const at of fetched) expect(at).toBeGreaterThan(whenFirst);
  // …and it does start: live updates at once, then the composer first of the prefetched parts.
  await expect.poll(() => parts.slice(0, 2), { timeout: 15_000 }).toEqual(['live', 'composer']);
  expect(errors).toEqual([]);
});

test('a thread, a profile and notifications opened cold fetch their part and show', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const home = await api(request, page, '/api/v1/timelines/home?limit=5');
  const status = home.find((s) => !s.reblog);
  const parts = watchParts(page);

  await page.goto(`/statuses/${status.id}`);
  await expect(page.getByRole('heading', { name: 'Post', level: 1 })).toBeVisible();
  await expect(page.locator(`article[data-id="${status.id}"]`)).toBeVisible();
  expect(parts).toContain('thread');

  await page.goto(`/accounts/${status.account.id}`);
  await expect(page.getByRole('heading', { name: status.account.display_name || status.account.username })).toBeVisible();
  expect(parts).toContain('profile');

  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Mentions' })).toBeVisible();
  expect(parts).toContain('notifications');
  expect(errors).toEqual([]);
});

test('text typed in the composer before its part arrives is kept, and posts', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const release = await holdPart(page, 'composer');
  await page.reload();
  await expect(page.getByRole('feed', { name: 'Home' }).locator('article').first()).toBeVisible();

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Loading…');
  await page.keyboard.type('Typed before the composer arrived');
  await expect(dialog.getByRole('button', { name: 'Post', exact: true })).toHaveCount(0);

  release();
  const post = dialog.getByRole('button', { name: 'Post', exact: true });
  await expect(post).toBeVisible();
  await expect(dialog.getByLabel('Post text')).toHaveValue('Typed before the composer arrived');
  await page.keyboard.type(', and after');
  await expect(dialog.getByLabel('Post text')).toHaveValue('Typed before the composer arrived, and after');
  await post.click();
  await expect(dialog).toBeHidden();
  const feed = page.getByRole('feed', { name: 'Home' });
  await expect(feed.locator('article').first()).toContainText('Typed before the composer arrived, and after');
  expect(errors).toEqual([]);
});

test('the Compose button opens the composer while its part is on the way', async ({ page }) => {
  await signIn(page, 'alice');
  const release = await holdPart(page, 'composer');
  await page.reload();
  await expect(page.getByRole('feed', { name: 'Home' }).locator('article').first()).toBeVisible();
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await expect(dialog.getByRole('status')).toHaveText('Loading…');
  await expect(dialog.getByLabel('Post text')).toBeFocused();
  release();
  await expect(dialog.getByRole('button', { name: 'Poll', exact: true })).toBeVisible();
});

test('a part that cannot be fetched says so, and Try again brings it', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const me = await api(request, page, '/api/v1/accounts/verify_credentials');
  const refuse = /\/split_profile\.wasm$/;
  await page.route(refuse, (route) => route.abort('internetdisconnected'));
  await page.goto(`/accounts/${me.id}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Woolly couldn't load the profile");
  // The frame stays usable: navigation is there.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.unroute(refuse);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: me.display_name || me.username })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a status menu is built when opened: boost quietly from the boost menu', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const home = await api(request, page, '/api/v1/timelines/home?limit=20');
  const s = home.find((s) => !s.reblog && s.account.acct !== 'alice' && s.visibility === 'public' && !s.reblogged);
  const card = page.getByRole('feed', { name: 'Home' }).locator(`article[data-id="${s.id}"]`);
  await expect(async () => { await card.scrollIntoViewIfNeeded({ timeout: 2_000 }); }).toPass();
  // Closed menus are not in the page at all.
  await expect(card.getByRole('menu')).toHaveCount(0);
  await card.getByRole('button', { name: 'More', exact: true }).click();
  await expect(card.getByRole('menuitem', { name: 'Copy link' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card.getByRole('menu')).toHaveCount(0);

  await card.getByRole('button', { name: 'Boost with visibility…' }).click();
  await card.getByRole('menuitem', { name: 'Boost quietly (unlisted)' }).click();
  await expect(card.getByRole('button', { name: /^Boost \(/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('menu')).toHaveCount(0);
  const mine = await api(request, page, `/api/v1/statuses/${s.id}`);
  expect(mine.reblogged).toBe(true);
  expect(errors).toEqual([]);
});

test('a cold start of home asks for the timeline while the app downloads, and only once', async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const asked = [];
  page.on('request', (r) => { if (/\/api\/v1\/timelines\/home\?limit=40$/.test(r.url())) asked.push(r.url()); });
  await page.reload();
  await expect(page.getByRole('feed', { name: 'Home' }).locator('article').first()).toBeVisible();
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const home = entries.find((e) => /\/api\/v1\/timelines\/home\?limit=40$/.test(e.name));
    return { asked: home.startTime, appStarted: performance.getEntriesByName('woolly:app-start')[0].startTime };
  });
  // Asked by index.html before the app's code ran; the app took that answer instead of asking.
  expect(timing.asked).toBeLessThan(timing.appStarted);
  await page.waitForTimeout(500);
  expect(asked).toHaveLength(1);
  expect(errors).toEqual([]);
});
