import { chromium } from 'playwright-core';
import { host } from './site/host.ts';
const dist = process.argv[2];
const queries = process.argv.slice(3);
const { origin, server } = await host(dist, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const q of ['', ...queries]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let requests = 0, bytes = 0, pf = 0, pfBytes = 0;
  const urls = new Map<string, string>();
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (r) => pending.push(r.sizes().then((s) => { const b = s.responseBodySize + s.responseHeadersSize; requests++; bytes += b; if (r.url().includes('/pagefind/')) { pf++; pfBytes += b; } })));
  const start = Date.now();
  await page.goto(`${origin}/search/${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  let first = 0;
  if (q) {
    await page.waitForFunction(() => !document.querySelector('#search-results')?.hasAttribute('aria-busy') && (document.querySelector('#search-results li') || /没有|找到/.test(document.querySelector('#search-status')?.textContent ?? '')), null, { timeout: 120000 });
    first = Date.now() - start;
  }
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const status = await page.locator('#search-status').textContent();
  console.log(`${q || '(open)'}\t${requests} req\t${(bytes / 1024).toFixed(0)} KB\tpagefind ${pf} req ${(pfBytes / 1024).toFixed(0)} KB\t${first} ms\t${status?.slice(0, 40)}`);
  await context.close();
}
await browser.close();
server.close();
