// Developer aid: node scripts/screenshot.mjs URL OUT.png [email] — logs in (password demo) and screenshots a page.
import { chromium } from '@playwright/test';

const [url, out, email] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'fr-FR' });
if (email) {
  const origin = new URL(url).origin;
  await page.goto(`${origin}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('user-menu').waitFor();
}
await page.goto(url);
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
