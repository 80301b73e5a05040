// Stories about writing: text, a content warning, a poll, an image with alt text and a focal
// point; editing; a draft surviving a reload; a timed-out post found instead of posted twice;
// an upload showing progress through the server's processing delay.
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
/** The signed-in account's own statuses, newest first, as the server has them. */
const ownStatuses = async (request, page) => {
  const me = await api(request, page, '/api/v1/accounts/verify_credentials');
  return api(request, page, `/api/v1/accounts/${me.id}/statuses?limit=40`);
};
const textOf = (html) => html.replace(/<[^>]+>/g, '');

/** A 64×48 PNG, drawn in the page (a real image the server can measure). */
const png = async (page) => {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 64; c.height = 48;
    const g = c.getContext('2d');
    g.fillStyle = '#6d4aff'; g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#ffcc00'; g.fillRect(40, 4, 20, 16);
    return c.toDataURL('image/png').split(',')[1];
  });
  return { name: 'sunset.png', mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') };
};

const openComposer = async (page) => {
  await page.getByRole('button', { name: 'Compose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await expect(dialog).toBeVisible();
  return dialog;
};
const home = (page) => page.getByRole('feed', { name: 'Home' });

test('a post with a content warning appears on top of home, and the counter counts like Mastodon', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const dialog = await openComposer(page);
  const text = dialog.getByLabel('Post text');
  // A URL counts 23, a remote mention only its @user part.
  await text.fill('Hi @dana@example.social https://example.com/a/very/long/path/indeed/yes');
  await expect(dialog.locator('.composer-counter')).toHaveText(String(500 - (3 + 5 + 1 + 23)));
  const body = `Composed in Woolly ${Date.now()}`;
  await text.fill(body);
  await dialog.getByRole('button', { name: 'CW' }).click();
  await dialog.getByLabel('Content warning').fill('Spoilers for the finale');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const first = home(page).locator('article').first();
  await expect(first).toContainText('Spoilers for the finale');
  await first.getByRole('button', { name: 'Show more' }).click();
  await expect(first).toContainText(body);
  const mine = await ownStatuses(request, page);
  expect(mine[0].spoiler_text).toBe('Spoilers for the finale');
  expect(textOf(mine[0].content)).toContain(body);
  await expect(first).toHaveAttribute('data-id', mine[0].id);
  expect(errors).toEqual([]);
});

test('a poll is posted with its choices', async ({ page, request }) => {
  await signIn(page, 'alice');
  const dialog = await openComposer(page);
  await dialog.getByLabel('Post text').fill('Tea or coffee?');
  await dialog.getByRole('button', { name: 'Poll' }).click();
  await dialog.getByRole('textbox', { name: 'Choice 1' }).fill('Tea');
  await dialog.getByRole('textbox', { name: 'Choice 2' }).fill('Coffee');
  await dialog.getByRole('button', { name: 'Add a choice' }).click();
  await dialog.getByRole('textbox', { name: 'Choice 3' }).fill('Tea');
  await expect(dialog.getByText('Choice 3 repeats another.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Post', exact: true })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Choice 3' }).fill('Water');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const first = home(page).locator('article').first();
  await expect(first).toContainText('Tea or coffee?');
  for (const choice of ['Tea', 'Coffee', 'Water']) await expect(first.locator('.poll')).toContainText(choice);
  const [mine] = await ownStatuses(request, page);
  expect(mine.poll.options.map((o) => o.title)).toEqual(['Tea', 'Coffee', 'Water']);
});

test('an image uploads with progress, survives processing, and posts with alt text and focal point', async ({ page, request }) => {
  const errors = watchErrors(page);
  await request.post(`${INSTANCE}/__demo/config`, {
    data: { media_processing_ms: 2500, fail_next: { path: '/api/v2/media', method: 'POST', delay_ms: 1500, count: 1 } },
  });
  await signIn(page, 'alice');
  const dialog = await openComposer(page);
  await dialog.getByLabel('Post text').fill('Sunset from the balcony');
  await dialog.locator('input[type=file]').setInputFiles(await png(page));
  const uploading = dialog.getByRole('progressbar', { name: 'Uploading sunset.png' });
  await expect(uploading).toBeVisible();
  await expect(uploading).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(dialog.getByRole('progressbar', { name: 'Processing sunset.png' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Post', exact: true })).toBeDisabled();
  const alt = dialog.getByLabel('Alt text for attachment 1');
  await expect(alt).toBeVisible({ timeout: 10_000 });
  await alt.fill('An orange sun sinking behind purple hills');
  // Click three quarters right, a quarter down: focus x = 0.5, y = 0.5.
  const picker = dialog.getByRole('button', { name: 'Set focal point of attachment 1' });
  const box = await picker.boundingBox();
  await picker.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const first = home(page).locator('article').first();
  await expect(first).toContainText('Sunset from the balcony');
  await expect(first.getByRole('img', { name: 'An orange sun sinking behind purple hills' })).toBeVisible();
  const [mine] = await ownStatuses(request, page);
  const media = mine.media_attachments[0];
  expect(media.description).toBe('An orange sun sinking behind purple hills');
  expect(media.meta.focus.x).toBeCloseTo(0.5, 1);
  expect(media.meta.focus.y).toBeCloseTo(0.5, 1);
  expect(errors).toEqual([]);
});

test('editing an own post shows it as edited', async ({ page, request }) => {
  await signIn(page, 'alice');
  let dialog = await openComposer(page);
  await dialog.getByLabel('Post text').fill('Frist post of the day');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  const first = home(page).locator('article').first();
  await expect(first).toContainText('Frist post of the day');
  await first.getByRole('button', { name: 'More' }).click();
  await first.getByRole('menuitem', { name: 'Edit' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit post' });
  await expect(dialog.getByLabel('Post text')).toHaveValue('Frist post of the day');
  await dialog.getByLabel('Post text').fill('First post of the day');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(first).toContainText('First post of the day');
  await expect(first.getByText('edited')).toBeVisible();
  const [mine] = await ownStatuses(request, page);
  expect(textOf(mine.content)).toBe('First post of the day');
  expect(mine.edited_at).not.toBeNull();
});

test('a long draft survives a reload and can be resumed from the drafts list', async ({ page }) => {
  await signIn(page, 'alice');
  const dialog = await openComposer(page);
  const long = 'A long thought that must not be lost. '.repeat(10).trim();
  await dialog.getByLabel('Post text').fill(long);
  await page.waitForTimeout(700); // past the save debounce
  await page.reload();
  const restored = page.getByRole('dialog', { name: 'New post' });
  await expect(restored.getByLabel('Post text')).toHaveValue(long);
  // Set it aside, start another, and find the first in the drafts list.
  await restored.getByRole('button', { name: 'Close' }).click();
  const again = await openComposer(page);
  await expect(again.getByLabel('Post text')).toHaveValue('');
  await again.getByText('Saved drafts (1)').click();
  await again.getByRole('button', { name: 'Resume' }).click();
  await expect(again.getByLabel('Post text')).toHaveValue(long);
});

test('a post that times out is found on the server, not posted again', async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, 'alice');
  await request.post(`${INSTANCE}/__demo/config`, {
    data: { fail_next: { path: '/api/v1/statuses', method: 'POST', commit: true, status: 0, delay_ms: 25_000, count: 1 } },
  });
  const dialog = await openComposer(page);
  const body = `Posted exactly once ${Date.now()}`;
  await dialog.getByLabel('Post text').fill(body);
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Posting…' })).toBeVisible();
  await expect(dialog.getByRole('progressbar', { name: 'Sending' })).toBeVisible();
  // Woolly gives up waiting at 20 s, finds the post among the account's newest, and adopts it.
  await expect(dialog).toBeHidden({ timeout: 40_000 });
  await expect(home(page).locator('article').first()).toContainText(body);
  const mine = await ownStatuses(request, page);
  expect(mine.filter((s) => textOf(s.content).includes(body))).toHaveLength(1);
});

test('a failed post keeps everything and the n shortcut opens the composer', async ({ page, request }) => {
  await signIn(page, 'alice');
  await request.post(`${INSTANCE}/__demo/config`, {
    data: { fail_next: { path: '/api/v1/statuses', method: 'POST', status: 500, count: 1 } },
  });
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Post text').fill('Still here after a 500');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByLabel('Post text')).toHaveValue('Still here after a 500');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog).toBeHidden();
  const mine = await ownStatuses(request, page);
  expect(mine.filter((s) => textOf(s.content) === 'Still here after a 500')).toHaveLength(1);
});

test('a custom emoji from the picker and from : autocomplete is inserted and posted', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  const dialog = await openComposer(page);
  const text = dialog.getByLabel('Post text');
  await text.pressSequentially('Feeling');
  await dialog.getByRole('button', { name: 'Insert custom emoji' }).click();
  const picker = dialog.getByRole('dialog', { name: 'Custom emoji' });
  await expect(picker.getByRole('region', { name: 'Blobs' })).toBeVisible();
  await picker.getByLabel('Search emoji').fill('blob');
  await expect(picker.getByRole('button', { name: ':yikes:' })).toHaveCount(0);
  await picker.getByRole('button', { name: ':blobaww:' }).click();
  await expect(picker).toBeHidden();
  await expect(text).toHaveValue('Feeling :blobaww: ');
  // `:` and two letters open the listbox; Tab takes the highlighted one.
  await text.pressSequentially('and :yik');
  const list = dialog.getByRole('listbox', { name: 'Suggestions' });
  await expect(list.getByRole('option', { name: ':yikes:' })).toBeVisible();
  await expect(text).toHaveAttribute('aria-expanded', 'true');
  await text.press('Tab');
  await expect(list).toBeHidden();
  await expect(text).toHaveValue('Feeling :blobaww: and :yikes: ');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const first = home(page).locator('article').first();
  await expect(first).toContainText('Feeling');
  // Shown as the emoji image where the server resolved it, else as the shortcode.
  await expect(first.getByRole('img', { name: ':blobaww:' }).or(first.getByText(':blobaww:'))).toBeVisible();
  const [mine] = await ownStatuses(request, page);
  expect(textOf(mine.content)).toContain(':blobaww: and :yikes:');
  expect(errors).toEqual([]);
});

test('@ autocomplete inserts a real account, Escape closes the list but not the composer', async ({ page, request }) => {
  await signIn(page, 'alice');
  const dialog = await openComposer(page);
  const text = dialog.getByLabel('Post text');
  await text.pressSequentially('Hello @ca');
  const list = dialog.getByRole('listbox', { name: 'Suggestions' });
  const carol = list.getByRole('option', { name: /@carol\b/ });
  await expect(carol).toBeVisible();
  await text.press('Escape');
  await expect(list).toBeHidden();
  await expect(dialog).toBeVisible();
  await text.pressSequentially('r');
  await expect(carol).toBeVisible();
  await text.press('Enter');
  await expect(text).toHaveValue('Hello @carol ');
  await text.pressSequentially('look at #');
  await expect(list).toBeHidden();
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const [mine] = await ownStatuses(request, page);
  expect(mine.mentions.map((m) => m.acct)).toContain('carol');
});

test('delete & redraft puts the post back in the composer and removes it from home', async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page, 'alice');
  let dialog = await openComposer(page);
  const body = `Redraft me ${Date.now()}`;
  await dialog.getByLabel('Post text').fill(body);
  await dialog.getByRole('button', { name: 'CW' }).click();
  await dialog.getByLabel('Content warning').fill('Typos inside');
  await dialog.getByLabel('Visibility').selectOption('unlisted');
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const first = home(page).locator('article').first();
  await expect(first).toContainText('Typos inside');
  const id = await first.getAttribute('data-id');
  page.once('dialog', (d) => d.accept());
  await first.getByRole('button', { name: 'More', exact: true }).click();
  await first.getByRole('menuitem', { name: 'Delete & redraft' }).click();
  dialog = page.getByRole('dialog', { name: 'New post' });
  await expect(dialog.getByLabel('Post text')).toHaveValue(body);
  await expect(dialog.getByLabel('Content warning')).toHaveValue('Typos inside');
  await expect(dialog.getByLabel('Visibility')).toHaveValue('unlisted');
  await expect(home(page).locator(`article[data-id="${id}"]`)).toHaveCount(0);
  const mine = await ownStatuses(request, page);
  expect(mine.map((s) => s.id)).not.toContain(id);
  // Posting the redraft makes a new status with the same text.
  await dialog.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(dialog).toBeHidden();
  const [again] = await ownStatuses(request, page);
  expect(textOf(again.content)).toContain(body);
  expect(again.id).not.toBe(id);
  expect(errors).toEqual([]);
});
