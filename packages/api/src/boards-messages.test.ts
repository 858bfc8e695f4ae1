// Every key the boards domain can send to the apps (error messages, field errors, target reasons) has English in the
// shared locale, packages/ui/src/locales/en/board.json. Audit action names (`action: 'board.…'`) are not messages.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOARD_MESSAGE_KEYS } from '@musyawarah/core';
import { expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const locale = JSON.parse(readFileSync(join(here, '../../ui/src/locales/en/board.json'), 'utf8')) as Record<
  string,
  unknown
>;
const coreBoards = join(here, '../../core/src/boards');
// The boards router is a folder of procedure files; every one of them is scanned.
const routerBoards = join(here, 'routers/boards');
const sources = [
  ...readdirSync(routerBoards)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(routerBoards, f)),
  ...readdirSync(coreBoards)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(coreBoards, f)),
];

function translated(key: string): boolean {
  let node: unknown = locale;
  for (const part of key.replace(/^board\./, '').split('.'))
    node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' && node.length > 0;
}

it('translates every board.* key the router and core emit', () => {
  const used = new Set<string>(BOARD_MESSAGE_KEYS);
  for (const file of sources) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(action: `?)?'(board\.[A-Za-z.]+)'/g))
      if (!match[1]) used.add(match[2]!);
  }
  expect(used.size).toBeGreaterThan(40);
  expect([...used].filter((key) => !translated(key))).toEqual([]);
});
