// Stories about staying in touch: notifications grouped (v2) and grouped by Woolly on older
// servers (v1), new posts arriving live without moving the reader, nothing lost when the
// stream drops, and the reading position carried over a reload.
import { test, expect } from '@playwright/test';
import { INSTANCE } from './env.mjs';
import { resetDemo, signIn, watchErrors } from './helpers.mjs';

const token = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('woolly.accounts'))[0].token);
const api = async (request, page, path) => {
  const res = await request.get(`${INSTANCE}${path}`, { headers: { Authorization: `Bearer ${await token(page)}` } });
  expect(res.status()).toBe(200);
  return res.json();
};
const sockets = async (request) => (await (await request.get(`${INSTANCE}/__demo/state`)).json()).streaming_connections;
const post = async (request, text) => {
  const res = await request.post(`${INSTANCE}/__demo/statuses`, { data: { username: 'bob', text } });
  expect(res.ok()).toBeTruthy();
  return res.json();
};
/** The first article below the sticky title, and where it sits. */
const topArticle = (page) => page.evaluate(() => {
  const header = document.querySelector('.column-title').getBoundingClientRect().height;
  const a = [...document.querySelectorAll('[role=feed] article[data-id]')]
    .find((el) => el.getBoundingClientRect().bottom > header + 1);
  return { id: a.dataset.id, top: a.getBoundingClientRect().top, scrollY: window.scrollY };
});
const name = (a) => (a.display_name && a.display_name.trim()) || a.username;

test('a post pushed over the stream waits as "1 new post" and does not move the reader', async ({ page, request }) => {
  await resetDemo(request);
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  await expect.poll(() => sockets(request)).toBeGreaterThan(0);
  const feed = page.getByRole('feed', { name: 'Home' });
  await page.mouse.wheel(0, 900);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
  await page.waitForTimeout(300);
  const before = await topArticle(page);

  const text = `Live from the stream ${Date.now()}`;
  const status = await post(request, text);
  const pill = page.getByRole('button', { name: '1 new post' });
  await expect(pill).toBeVisible();
  // Announced politely: the pill sits in a live region (which takes no room of its own).
  await expect(pill.locator('xpath=..')).toHaveAttribute('role', 'status');
  // What the reader was reading has not moved, and the post is not in the feed yet.
  const after = await topArticle(page);
  expect(after.id).toBe(before.id);
  expect(Math.abs(after.top - before.top)).toBeLessThan(1);
  expect(after.scrollY).toBe(before.scrollY);
  await expect(feed.locator(`article[data-id="${status.id}"]`)).toHaveCount(0);

  await pill.click();
  await expect(feed.locator('article').first()).toHaveAttribute('data-id', status.id);
  await expect(feed.locator('article').first()).toContainText(text);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(pill).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('after the stream drops, a post made meanwhile is in the timeline once it reconnects', async ({ page, request }) => {
  await resetDemo(request);
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  await expect.poll(() => sockets(request)).toBeGreaterThan(0);
  const feed = page.getByRole('feed', { name: 'Home' });

  const catchUp = page.waitForRequest((r) => /\/api\/v1\/timelines\/home\?.*min_id=/.test(r.url()));
  const dropped = await (await request.post(`${INSTANCE}/__demo/stream/drop`)).json();
  expect(dropped.dropped).toBeGreaterThan(0);
  const text = `Written while the stream was down ${Date.now()}`;
  const status = await post(request, text);

  // Reconnected (backoff), then the gap is filled through the REST API.
  await catchUp;
  await expect.poll(() => sockets(request), { timeout: 15_000 }).toBeGreaterThan(0);
  const pill = page.getByRole('button', { name: '1 new post' });
  await expect(pill).toBeVisible();
  await pill.click();
  await expect(feed.locator(`article[data-id="${status.id}"]`)).toContainText(text);
  expect(errors).toEqual([]);
});

test('grouped notifications (v2) render with names, counts and avatars; Mentions filters', async ({ page, request }) => {
  await resetDemo(request);
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const grouped = page.waitForRequest((r) => /\/api\/v2\/notifications\?.*expand_accounts=partial_avatars/.test(r.url()));
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await grouped;

  const body = await api(request, page, '/api/v2/notifications?expand_accounts=partial_avatars');
  const group = body.notification_groups.find((g) => g.type === 'favourite' && g.notifications_count > 1);
  expect(group).toBeTruthy();
  const first = body.accounts.find((a) => a.id === group.sample_account_ids[0]);
  const others = group.notifications_count - 1;
  const sentence = `${name(first)} and ${others} other${others === 1 ? '' : 's'} favourited your post`;
  const list = page.getByRole('feed', { name: 'Notifications' });
  const row = list.getByRole('article', { name: sentence });
  await expect(row).toBeVisible();
  await expect(row.locator('.account-stack img')).toHaveCount(Math.min(group.sample_account_ids.length, 8));
  // Every group the server sent with a known type has a row, in order.
  await expect(list.locator('.notification').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Mentions' }).click();
  await expect(page.getByRole('tab', { name: 'Mentions' })).toHaveAttribute('aria-selected', 'true');
  await expect(list.getByRole('article', { name: sentence })).toHaveCount(0);
  const mentions = await api(request, page, '/api/v2/notifications?types[]=mention&expand_accounts=partial_avatars');
  await expect(list.locator('[data-kind="mention"]').first()).toBeVisible();
  await expect(list.locator('.notification')).toHaveCount(mentions.notification_groups.length);
  await expect(list.locator('.notification:not([data-kind="mention"])')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/notifications-v2.png' });
  expect(errors).toEqual([]);
});

test('on a server without grouped notifications, Woolly groups the v1 list itself', async ({ page, request }) => {
  await resetDemo(request, { grouped_notifications: false });
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const v1 = page.waitForRequest((r) => /\/api\/v1\/notifications/.test(r.url()));
  await page.goto('/notifications');
  await v1;

  const flat = await api(request, page, '/api/v1/notifications');
  // The favourites of one status within the page, newest first, as Woolly should group them.
  const favs = flat.filter((n) => n.type === 'favourite');
  const byStatus = new Map();
  for (const n of favs) byStatus.set(n.status.id, [...(byStatus.get(n.status.id) ?? []), n]);
  const [, members] = [...byStatus.entries()].find(([, m]) => m.length > 1);
  const others = members.length - 1;
  const sentence = `${name(members[0].account)} and ${others} other${others === 1 ? '' : 's'} favourited your post`;
  const list = page.getByRole('feed', { name: 'Notifications' });
  await expect(list.getByRole('article', { name: sentence })).toBeVisible();
  // One row per group: fewer rows than notifications.
  await expect(list.locator('[data-kind="favourite"]')).toHaveCount(byStatus.size);
  expect(errors).toEqual([]);
});

test('reload puts the reader back where they stopped in home, with the unread count', async ({ page, request }) => {
  await resetDemo(request);
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const feed = page.getByRole('feed', { name: 'Home' });
  await expect(feed.locator('article').nth(8)).toBeVisible();
  await page.waitForTimeout(500);

  // Read down to the seventh status.
  const saved = page.waitForRequest((r) => r.url().endsWith('/api/v1/markers') && r.method() === 'POST', { timeout: 10_000 });
  await feed.locator('article').nth(6).evaluate((el) => {
    const header = document.querySelector('.column-title').getBoundingClientRect().height;
    window.scrollBy(0, el.getBoundingClientRect().top - header);
  });
  const target = await feed.locator('article').nth(6).getAttribute('data-id');
  const request_ = await saved;
  expect(decodeURIComponent(request_.postData())).toContain(`home[last_read_id]=${target}`);
  await expect.poll(async () => (await api(request, page, '/api/v1/markers?timeline[]=home')).home?.last_read_id).toBe(target);

  await page.reload();
  await expect(page.getByText('6 unread above where you left off')).toBeVisible();
  await expect.poll(async () => (await topArticle(page)).id).toBe(target);
  await expect(feed.locator(`article[data-id="${target}"]`)).toBeInViewport();
  await page.screenshot({ path: 'test-results/home-restored.png' });
  expect(errors).toEqual([]);
});
