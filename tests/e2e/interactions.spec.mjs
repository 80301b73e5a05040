// Stories about acting on posts and people: favourite, boost and bookmark (optimistic, kept
// by the server, reverted with a message on failure), following locked and open accounts,
// muting and blocking, and reading a long thread in order.
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
const facts = async (request) => (await (await request.get(`${INSTANCE}/__demo/state`)).json()).facts;
const count = (label) => Number(/\((\d+)\)/.exec(label)[1]);

/** A public post by someone else in alice's home that she has not acted on yet. */
async function untouched(request, page) {
  const home = await api(request, page, '/api/v1/timelines/home?limit=20');
  const s = home.find((s) => !s.reblog && s.account.acct !== 'alice' && s.visibility === 'public'
    && !s.favourited && !s.reblogged && !s.bookmarked);
  expect(s).toBeTruthy();
  return s;
}

test('favourite, boost and bookmark change at once and survive a reload', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const s = await untouched(request, page);
  const feed = page.getByRole('feed', { name: 'Home' });
  const card = feed.locator(`article[data-id="${s.id}"]`);
  // The feed may still be settling (windowed chunks mount frame by frame): retry the scroll.
  await expect(async () => { await card.scrollIntoViewIfNeeded({ timeout: 2_000 }); }).toPass();

  const fav = card.getByRole('button', { name: /^Favourite/ });
  await expect(fav).toHaveAttribute('aria-pressed', 'false');
  const favs = count(await fav.getAttribute('aria-label'));
  await fav.click();
  await expect(fav).toHaveAttribute('aria-pressed', 'true');
  await expect(fav).toHaveAttribute('aria-label', `Favourite (${favs + 1})`);

  const boost = card.getByRole('button', { name: /^Boost \(/ });
  const boosts = count(await boost.getAttribute('aria-label'));
  await boost.click();
  await expect(boost).toHaveAttribute('aria-pressed', 'true');
  await expect(boost).toHaveAttribute('aria-label', `Boost (${boosts + 1})`);

  const mark = card.getByRole('button', { name: 'Bookmark' });
  await mark.click();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');

  // The server kept all three.
  await expect.poll(async () => {
    const now = await api(request, page, `/api/v1/statuses/${s.id}`);
    return [now.favourited, now.reblogged, now.bookmarked, now.favourites_count, now.reblogs_count];
  }).toEqual([true, true, true, favs + 1, boosts + 1]);

  await page.reload();
  const again = page.getByRole('feed', { name: 'Home' }).locator(`article[data-id="${s.id}"]`);
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByRole('button', { name: /^Favourite/ })).toHaveAttribute('aria-label', `Favourite (${favs + 1})`);
  await expect(again.getByRole('button', { name: /^Favourite/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(again.getByRole('button', { name: /^Boost \(/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(again.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'true');

  // And undoing goes back to where it was.
  await again.getByRole('button', { name: /^Favourite/ }).click();
  await expect(again.getByRole('button', { name: /^Favourite/ })).toHaveAttribute('aria-label', `Favourite (${favs})`);
  await expect.poll(async () => (await api(request, page, `/api/v1/statuses/${s.id}`)).favourited).toBe(false);
  expect(errors).toEqual([]);
});

test('a failed favourite is reverted and explained', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const s = await untouched(request, page);
  const card = page.getByRole('feed', { name: 'Home' }).locator(`article[data-id="${s.id}"]`);
  await card.scrollIntoViewIfNeeded();
  const fav = card.getByRole('button', { name: /^Favourite/ });
  const favs = count(await fav.getAttribute('aria-label'));
  await request.post(`${INSTANCE}/__demo/config`, {
    data: { fail_next: { path_prefix: '/api/v1/statuses/', path_suffix: '/favourite', status: 500, delay_ms: 400 } },
  });
  await fav.click();
  // Optimistic first…
  await expect(fav).toHaveAttribute('aria-pressed', 'true');
  await expect(fav).toHaveAttribute('aria-label', `Favourite (${favs + 1})`);
  // …then back, with the reason.
  await expect(page.getByRole('alert')).toContainText('Could not favourite the post');
  await expect(fav).toHaveAttribute('aria-pressed', 'false');
  await expect(fav).toHaveAttribute('aria-label', `Favourite (${favs})`);
  expect((await api(request, page, `/api/v1/statuses/${s.id}`)).favourited).toBe(false);
  expect(errors).toEqual([]);
});

const relationship = async (request, page, id) => (await api(request, page, `/api/v1/accounts/relationships?id[]=${id}`))[0];

test('follow and unfollow a locked account (a request) and an open one', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const { locked_account: locked, open_account: open } = await facts(request);

  const lucy = await api(request, page, `/api/v1/accounts/${locked.id}`);
  await page.goto(`/accounts/${locked.id}`);
  await expect(page.getByRole('heading', { name: lucy.display_name })).toBeVisible();
  await expect(page.locator('.profile-acct').getByText(`@${locked.acct}`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Cancel request' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Relationship' })).toContainText('Requested');
  await expect.poll(async () => (await relationship(request, page, locked.id)).requested).toBe(true);
  expect((await relationship(request, page, locked.id)).following).toBe(false);
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
  await expect.poll(async () => (await relationship(request, page, locked.id)).requested).toBe(false);

  await page.goto(`/accounts/${open.id}`);
  await expect(page.locator('.profile-acct').getByText(`@${open.acct}`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect.poll(async () => (await relationship(request, page, open.id)).following).toBe(true);
  // Survives a reload: it is the server's state.
  await page.reload();
  await page.getByRole('button', { name: 'Unfollow' }).click();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
  await expect.poll(async () => (await relationship(request, page, open.id)).following).toBe(false);
  expect(errors).toEqual([]);
});

test('muting and blocking take their posts out of home', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const home = await api(request, page, '/api/v1/timelines/home?limit=40');
  const authors = [...new Set(home.filter((s) => !s.reblog && s.account.acct !== 'alice').map((s) => s.account.id))];
  expect(authors.length).toBeGreaterThanOrEqual(2);
  const [muted, blocked] = authors;
  const postsBy = (id) => home.filter((s) => (s.reblog ?? s).account.id === id || s.account.id === id).map((s) => s.id);
  const feed = page.getByRole('feed', { name: 'Home' });
  const shownIds = () => feed.locator('article').evaluateAll((els) => els.map((e) => e.dataset.id));
  expect((await shownIds()).some((id) => postsBy(muted).includes(id))).toBe(true);

  await page.goto(`/accounts/${muted}`);
  await page.getByRole('button', { name: 'More actions for this account' }).click();
  await page.getByRole('menuitem', { name: 'Mute…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Mute @/ });
  await expect(dialog.getByLabel('Hide notifications from this user')).toBeChecked();
  await dialog.getByLabel('Duration').selectOption({ label: '1 day' });
  await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Relationship' })).toContainText('Muted');
  const rel = await relationship(request, page, muted);
  expect(rel.muting).toBe(true);
  expect(rel.muting_notifications).toBe(true);

  page.on('dialog', (d) => d.accept());
  await page.goto(`/accounts/${blocked}`);
  await page.getByRole('button', { name: 'More actions for this account' }).click();
  await page.getByRole('menuitem', { name: 'Block', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Unblock' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Relationship' })).toContainText('Blocked');

  await page.goto('/');
  await page.reload();
  await expect(feed.locator('article').first()).toBeVisible();
  const after = await shownIds();
  expect(after.length).toBeGreaterThan(5);
  for (const id of [...postsBy(muted), ...postsBy(blocked)]) expect(after).not.toContain(id);
  expect(errors).toEqual([]);
});

test('a thread opens from the timeline; a long one reads in order, nested, with continue links', async ({ page, request }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  // From the timeline: the time link opens the thread with that status focused.
  const first = page.getByRole('feed', { name: 'Home' }).locator('article').first();
  const time = first.locator('.status-time').first();
  const href = await time.getAttribute('href');
  await time.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const focusId = href.split('/').pop();
  await expect(page.locator(`.thread-focus > article[data-id="${focusId}"]`)).toBeVisible();

  const { big_thread: big } = await facts(request);
  // The deepest reply: every ancestor above it, root first.
  const deep = await api(request, page, `/api/v1/statuses/${big.deepest_id}/context`);
  await page.goto(`/statuses/${big.deepest_id}`);
  await expect(page.locator(`.thread-focus > article[data-id="${big.deepest_id}"]`)).toBeInViewport();
  const ancestorIds = await page.locator('.thread-ancestor > article').evaluateAll((els) => els.map((e) => e.dataset.id));
  expect(ancestorIds).toEqual(deep.ancestors.map((s) => s.id));
  await expect(page.locator('.status-detail')).toContainText(/\d+ boosts?/);

  // The root: all 220 replies are there (shown or behind "Continue thread"), each after its parent.
  const root = await api(request, page, `/api/v1/statuses/${big.root_id}/context`);
  const parent = Object.fromEntries(root.descendants.map((s) => [s.id, s.in_reply_to_id]));
  await page.goto(`/statuses/${big.root_id}`);
  const replies = page.locator('.thread-replies');
  await expect.poll(async () => replies.evaluate((el) => {
    const shown = el.querySelectorAll('.thread-reply').length;
    const hidden = [...el.querySelectorAll('.continue-thread')].reduce((n, a) => n + Number(a.dataset.hidden), 0);
    return shown + hidden;
  }), { timeout: 15_000 }).toBe(big.replies);
  const rows = await replies.locator('.thread-reply').evaluateAll((els) => els.map((e) => ({
    id: e.querySelector('article').dataset.id, depth: Number(e.dataset.depth),
  })));
  const seen = new Set([big.root_id]);
  for (const r of rows) {
    expect(seen.has(parent[r.id]), `${r.id} comes after its parent`).toBe(true);
    expect(r.depth).toBeLessThanOrEqual(4);
    seen.add(r.id);
  }
  expect(rows.some((r) => r.depth > 0)).toBe(true);
  // Nesting is visible: a deeper reply starts further right.
  const x = async (depth) => (await replies.locator(`.thread-reply[data-depth="${depth}"] article`).first().boundingBox()).x;
  expect(await x(2)).toBeGreaterThan(await x(0));
  // "Continue thread" opens the deeper part.
  const more = replies.locator('.continue-thread').first();
  const moreHref = await more.getAttribute('href');
  await more.click();
  await expect(page).toHaveURL(new RegExp(`${moreHref}$`));
  await expect(page.locator('.thread-focus > article')).toHaveAttribute('data-id', moreHref.split('/').pop());
  expect(errors).toEqual([]);
});

test("the author's self-thread comes first, in order", async ({ page, request }) => {
  await signIn(page, 'alice');
  const { self_thread: self } = await facts(request);
  const ctx = await api(request, page, `/api/v1/statuses/${self.root_id}/context`);
  // The chain: each next part is the author's reply to the previous one.
  const chain = [];
  let at = self.root_id;
  for (;;) {
    const next = ctx.descendants.find((s) => s.in_reply_to_id === at && s.account.acct === self.author);
    if (!next) break;
    chain.push(next.id);
    at = next.id;
  }
  expect(chain.length).toBe(self.length - 1);
  expect(chain.at(-1)).toBe(self.last_id);
  await page.goto(`/statuses/${self.root_id}`);
  const first = page.locator('.thread-reply').first();
  await expect(first).toBeVisible();
  const rows = await page.locator('.thread-reply').evaluateAll((els) => els.map((e) => [e.querySelector('article').dataset.id, e.dataset.depth]));
  expect(rows.slice(0, chain.length)).toEqual(chain.map((id) => [id, '0']));
});

test('keyboard: f favourites and d bookmarks the focused status, o opens it', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const s = await untouched(request, page);
  const card = page.getByRole('feed', { name: 'Home' }).locator(`article[data-id="${s.id}"]`);
  await card.focus();
  await page.keyboard.press('f');
  await expect(card.getByRole('button', { name: /^Favourite/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('d');
  await expect(card.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => {
    const now = await api(request, page, `/api/v1/statuses/${s.id}`);
    return [now.favourited, now.bookmarked];
  }).toEqual([true, true]);
  await page.keyboard.press('o');
  await expect(page).toHaveURL(new RegExp(`/statuses/${s.id}$`));
  expect(errors).toEqual([]);
});

test('an edited status shows its history, diffed', async ({ page, request }) => {
  await signIn(page, 'alice');
  const { edited_status_id: id } = await facts(request);
  const history = await api(request, page, `/api/v1/statuses/${id}/history`);
  expect(history.length).toBeGreaterThanOrEqual(2);
  await page.goto(`/statuses/${id}`);
  await page.getByRole('button', { name: /^Edited/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit history' });
  await expect(dialog.getByRole('listitem')).toHaveCount(history.length);
  await expect(dialog.getByRole('listitem').first()).toContainText('Current');
  await expect(dialog.locator('ins, del').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a followers page that fails says why and loads on "Try again"', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const me = await api(request, page, '/api/v1/accounts/verify_credentials');
  const followers = await api(request, page, `/api/v1/accounts/${me.id}/followers`);
  expect(followers.length).toBeGreaterThan(0);
  await request.post(`${INSTANCE}/__demo/config`, {
    // Three failures: the first try and the two automatic retries (1 s, then 3 s) of a 5xx.
    data: { fail_next: { path_prefix: '/api/v1/accounts/', path_suffix: '/followers', method: 'GET', status: 503, count: 3 } },
  });
  await page.goto(`/accounts/${me.id}/followers`);
  const list = page.getByRole('list', { name: 'Followers' });
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(list.getByRole('listitem').first()).toContainText(`@${followers[0].acct}`);
  expect(errors).toEqual([]);
});
