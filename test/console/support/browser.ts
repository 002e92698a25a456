import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/**
 * Screenshots go to a temporary folder, or to docs/images when CONSOLE_SCREENSHOTS=docs/images, so a test run
 * does not rewrite tracked files unless asked to (docs/console.md says how the pictures are made).
 */
export function screenshotDir(): string {
  const dir = process.env.CONSOLE_SCREENSHOTS ?? join(tmpdir(), 'provisio-console-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });
}
