// The stakeholder portal's public pages, as HTML the host sends before any script runs: on a mid-range phone the
// JavaScript takes seconds to arrive and start, and until then a single-page app is a blank screen. The shell is the
// page's frame (header, navigation, phase banner: the same markup and classes as the kit's AppShell, so nothing moves
// when the app takes over) and its heading and text — from the translations for the home and catalogue pages, from the
// database for a round. The app's first render replaces it (main.tsx renders once the route's code has loaded);
// without JavaScript it stays, above the <noscript> message. A round's page also carries the round as the API would
// answer it (a JSON data block the app seeds its query cache with), so the app shows it without asking again.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { requestLocale } from '@musyawarah/api';
import { localized } from '@musyawarah/core/consultation/text';
import type { PageShell } from './static';

/** What `rounds.get` answers for this round (public data), or null when it answers not found. */
export type PublicRound = (
  roundId: string,
  req: IncomingMessage,
) => Promise<{ title: unknown; description: unknown; format: string } | null>;

/** The element the app reads the page's data from (apps/stakeholder/src/page-data.ts). */
export const PAGE_DATA_ID = 'page-data';

/** JSON inside <script>: `<` escaped, so no text in it can close the element. */
const jsonInScript = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

type Texts = Record<string, unknown>;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The translation files the shell reads, per language, with English beneath every missing key. */
function translations(repoRoot: string) {
  const files: Record<string, string> = {
    layout: 'packages/ui/src/locales/{lng}/layout.json',
    shell: 'apps/stakeholder/src/locales/{lng}/shell.json',
    home: 'apps/stakeholder/src/locales/{lng}/home.json',
    catalogue: 'apps/stakeholder/src/locales/{lng}/catalogue.json',
    consultations: 'apps/stakeholder/src/locales/{lng}/consultations.json',
  };
  const cache = new Map<string, Texts>();
  const load = (lng: string): Texts => {
    let texts = cache.get(lng);
    if (!texts) {
      texts = {};
      for (const [ns, pattern] of Object.entries(files)) {
        const file = path.join(repoRoot, pattern.replace('{lng}', lng));
        texts[ns] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : {};
      }
      cache.set(lng, texts);
    }
    return texts;
  };
  const lookup = (texts: Texts, key: string): string | undefined => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Texts | undefined)?.[part], texts);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  return (lng: string) => (key: string) => escape(lookup(load(lng), key) ?? lookup(load('en'), key) ?? '');
}

/** The kit's mark (AppShell's Mark): eight dots around a centre, drawn the same so the header keeps its width. */
const MARK = `<svg class="header__mark" viewBox="0 0 36 36" aria-hidden="true" focusable="false"><circle cx="18" cy="18" r="5" fill="#ffffff"/>${Array.from(
  { length: 8 },
  (_, i) => {
    const a = (i / 8) * Math.PI * 2;
    return `<circle cx="${18 + Math.cos(a) * 12}" cy="${18 + Math.sin(a) * 12}" r="3.2" fill="#ffcc00"/>`;
  },
).join('')}</svg>`;

const NAVIGATION = [
  { to: '/', key: 'shell.nav.home', end: true },
  { to: '/actions', key: 'shell.nav.roadmap' },
  { to: '/assessment', key: 'shell.nav.assessment' },
  { to: '/consultations', key: 'shell.nav.rounds' },
  { to: '/boards', key: 'shell.nav.boards' },
  { to: '/review', key: 'shell.nav.review' },
];

function frame(t: (key: string) => string, lng: string, pathname: string, main: string): string {
  const lang = `lang="${lng}"`;
  const nav = NAVIGATION.map(({ to, key, end }) => {
    const current = end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
    return `<li class="service-nav__item"><a href="${to}" class="service-nav__link${current ? ' active' : ''}"${current ? ' aria-current="page"' : ''}>${t(key)}</a></li>`;
  }).join('');
  return (
    `<header ${lang}><div class="header"><div class="width-container header__inner">` +
    `<a href="/" class="header__brand">${MARK}<span><span class="header__service">${t('layout.serviceName')}</span>` +
    `<span class="header__tagline">${t('shell.tagline')}</span></span></a></div></div>` +
    `<nav class="service-nav" aria-label="${t('layout.navigationLabel')}"><div class="width-container">` +
    `<ul class="service-nav__list">${nav}</ul></div></nav>` +
    `<div class="width-container"><div class="phase-banner"><p><strong class="tag">${t('layout.phase.tag')}</strong> ` +
    `${t('layout.phase.text')}</p></div></div></header>` +
    `<div class="main-wrapper" ${lang}><div class="width-container"><main id="main-content">${main}</main></div></div>`
  );
}

/** Queries the app would send for this page, with the API's answers (JSON, as on the wire: dates as ISO strings). */
function pageData(queries: { path: string; input: unknown; data: unknown }[]): string {
  return `<script type="application/json" id="${PAGE_DATA_ID}">${jsonInScript({ queries })}</script>`;
}

export function createPageShell(repoRoot: string, publicRound: PublicRound): PageShell {
  const translate = translations(repoRoot);
  return async (pathname: string, req: IncomingMessage) => {
    const lng = requestLocale(undefined, req.headers['accept-language']) ?? 'en';
    const t = translate(lng);
    const page = pathname.replace(/\/+$/, '') || '/';
    if (page === '/') {
      return frame(
        t,
        lng,
        page,
        `<div class="two-thirds"><h1 class="heading-xl">${t('home.title')}</h1>` +
          `<p class="lead">${t('home.lead')}</p><p>${t('home.intro')}</p></div>`,
      );
    }
    if (page === '/actions') {
      return frame(
        t,
        lng,
        page,
        `<div><h1 class="heading-xl">${t('catalogue.list.title')}</h1></div>` +
          `<div class="two-thirds"><p class="lead">${t('catalogue.list.lead')}</p></div>`,
      );
    }
    const round = /^\/consultations\/([^/]+)$/.exec(page)?.[1];
    if (round && UUID.test(round)) {
      const row = await publicRound(round, req);
      if (!row) return null;
      const preferred = [lng];
      const title = localized(row.title as { en: string }, preferred);
      const description = localized(row.description as { en: string }, preferred);
      const paragraphs = description.text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => `<p>${escape(p)}</p>`)
        .join('');
      return (
        frame(
          t,
          lng,
          page,
          `<div class="two-thirds"><h1 class="heading-xl"><span class="caption">${t(`consultations.format.${row.format}`)}</span>` +
            `<span lang="${title.language}">${escape(title.text)}</span></h1>` +
            `<div class="prose round-description" lang="${description.language}">${paragraphs}</div></div>`,
        ) + pageData([{ path: 'rounds.get', input: { roundId: round }, data: row }])
      );
    }
    return null;
  };
}
