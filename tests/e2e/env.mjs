// Where the end-to-end tests find things. The demo instance and the app are started by
// playwright.config.mjs's webServer (from WOOLLY_DEMO_BIN serving WOOLLY_DIST).

/** The app (dist/ served by the demo binary); also Playwright's baseURL. */
export const APP = process.env.WOOLLY_APP_URL || 'http://127.0.0.1:4311';
/** The demo Mastodon instance's origin (its API is under /api/v1/…). */
export const INSTANCE = process.env.WOOLLY_INSTANCE_URL || 'http://127.0.0.1:4310';
