import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, startPlatform, type BrowserHandle, type Platform } from './harness';

let platform: Platform;
let browser: BrowserHandle;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('smoke', () => {
  test('/healthz answers 200', async () => {
    const response = await fetch(`${platform.url}/healthz`);
    expect(response.status).toBe(200);
  });

  test('the stakeholder home page renders a heading', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${platform.url}/`);
    expect(response?.status()).toBeLessThan(400);
    const heading = page.locator('h1').first();
    await heading.waitFor({ state: 'visible' });
    await expect.poll(async () => (await heading.textContent())?.trim()).toBeTruthy();
  });

  test('the secretariat sign-in page renders', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${platform.url}/secretariat/sign-in`);
    expect(response?.status()).toBeLessThan(400);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    await page.locator('input[type="password"]').first().waitFor();
  });
});
