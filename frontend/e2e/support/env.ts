// What scripts/e2e tells the tests about the running platform.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with scripts/e2e`);
  return value;
}

export const env = {
  /** The site, e.g. http://127.0.0.1:41234 */
  baseUrl: required("TMEIT_E2E_BASE_URL"),
  adminEmail: required("TMEIT_E2E_ADMIN_EMAIL"),
  adminPassword: required("TMEIT_E2E_ADMIN_PASSWORD"),
  /** Where the test SMTP server writes each mail it receives (backend/tests/support/smtp_sink.py). */
  mailDir: required("TMEIT_E2E_MAIL_DIR"),
  /** Screenshots of every page, at desktop and phone width (an ignored folder). */
  screenshotDir: required("TMEIT_E2E_SCREENSHOT_DIR"),
  chromium: process.env.TMEIT_CHROMIUM ?? "/usr/bin/chromium",
};
