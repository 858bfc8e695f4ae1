// The public pages' HTML before any script runs (issue #14): the frame, heading and text of the home, catalogue and
// round pages, in the visitor's language, with the round's own words escaped.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabaseUrl } from '@musyawarah/db/testing';
import { REPO_ROOT, startPlatformServer, type PlatformServer } from './server';

let platform: PlatformServer;
let scratch: Awaited<ReturnType<typeof createScratchDatabaseUrl>>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'musyawarah-shell-'));
const INDEX =
  '<!doctype html><html lang="en"><head><title>Musyawarah</title></head>' +
  '<body><div id="root"></div><noscript><p lang="en">Musyawarah needs JavaScript.</p></noscript></body></html>';
const text = <T>(file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;
const home = (lng: string) =>
  text<{ title: string; lead: string }>(`apps/stakeholder/src/locales/${lng}/home.json`);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

beforeAll(async () => {
  for (const app of ['stakeholder', 'secretariat']) {
    mkdirSync(path.join(dir, app), { recursive: true });
    writeFileSync(path.join(dir, app, 'index.html'), INDEX);
  }
  scratch = await createScratchDatabaseUrl();
  platform = await startPlatformServer({
    port: 0,
    pgliteDataDir: 'memory://',
    databaseUrl: scratch.url,
    seedDemo: true,
    serveApps: true,
    appDists: { stakeholder: path.join(dir, 'stakeholder'), secretariat: path.join(dir, 'secretariat') },
    logLevel: 'silent',
    nodeEnv: 'test',
  });
}, 120_000);
afterAll(async () => {
  await platform?.close();
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function page(target: string, language = 'en') {
  const res = await fetch(new URL(target, platform.url), {
    headers: { accept: 'text/html', 'accept-language': language },
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  const root = /<div id="root">([\s\S]*)<\/div><noscript>/.exec(html)?.[1];
  expect(html, 'the <noscript> message stays').toContain(
    '<noscript><p lang="en">Musyawarah needs JavaScript.',
  );
  return root ?? '';
}

describe('page shell', () => {
  it('sends the home page with the frame, its heading, lead and introduction before any script', async () => {
    const root = await page('/');
    expect(root).toContain(`<h1 class="heading-xl">${escape(home('en').title)}</h1>`);
    expect(root).toContain(`<p class="lead">${escape(home('en').lead)}</p>`);
    expect(root).toContain('<main id="main-content">');
    expect(root).toContain('<nav class="service-nav" aria-label="Main">');
    expect(root).toMatch(/<a href="\/" class="service-nav__link active" aria-current="page">Home<\/a>/);
  });

  it("writes the shell in the visitor's language (Accept-Language), marked with it", async () => {
    const root = await page('/', 'km-KH,km;q=0.9,en;q=0.5');
    expect(root).toContain(escape(home('km').title));
    expect(root).toContain('<header lang="km">');
    expect(home('km').title).not.toBe(home('en').title);
  });

  it('sends the catalogue page with its heading and lead', async () => {
    const catalogue = text<{ list: { title: string; lead: string } }>(
      'apps/stakeholder/src/locales/en/catalogue.json',
    );
    const root = await page('/actions');
    expect(root).toContain(`<h1 class="heading-xl">${escape(catalogue.list.title)}</h1>`);
    expect(root).toContain(escape(catalogue.list.lead));
    expect(root).toMatch(/href="\/actions" class="service-nav__link active" aria-current="page"/);
  });

  it("sends a round page with the round's title and description from the database, escaped", async () => {
    const round = await platform.db
      .selectFrom('consultation_round')
      .select(['id', 'title', 'description'])
      .where('published_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const title = (round.title as { en: string }).en;
    let root = await page(`/consultations/${round.id}`);
    expect(root).toContain(`<span lang="en">${escape(title)}</span>`);
    const firstParagraph = (round.description as { en: string }).en.split(/\n{2,}/)[0]!.trim();
    expect(root).toContain(`<p>${escape(firstParagraph)}`);

    await platform.db
      .updateTable('consultation_round')
      .set({ title: JSON.stringify({ en: 'Rules & <img src=x onerror=alert(1)>' }) as never })
      .where('id', '=', round.id)
      .execute();
    root = await page(`/consultations/${round.id}`);
    expect(root).toContain('Rules &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(root).not.toContain('<img');
  });

  it('sends no shell for an unknown or unpublished round, a malformed id, or a page not in the list', async () => {
    const unpublished = await platform.db
      .selectFrom('consultation_round')
      .select('id')
      .where('published_at', 'is', null)
      .executeTakeFirst();
    for (const target of [
      '/consultations/00000000-0000-4000-8000-000000000000',
      '/consultations/not-a-uuid',
      ...(unpublished ? [`/consultations/${unpublished.id}`] : []),
      '/account',
      '/sign-in',
    ])
      expect(await page(target), target).toBe('');
  });
});
