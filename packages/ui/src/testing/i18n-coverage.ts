/**
 * Build-time check that every translation key used in the source exists in the English resources.
 * Node-only (reads files); used by the vitest suites of @musyawarah/ui and the apps, never bundled.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface KeyUse {
  key: string;
  file: string;
  /** A template literal such as `layout.notification.${tone}`: only the static prefix can be checked. */
  prefix?: boolean;
}

type Tree = { [key: string]: string | Tree };

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

/** Drops block comments and whole-line `//` comments, so examples in documentation are not taken for uses. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/**
 * Finds keys in `t('ns.key')`, `i18nKey="ns.key"`, and any string literal that starts with a known namespace
 * (`labelKey: 'home.actions.c21'`), so keys kept in data tables are checked too.
 */
export function collectKeys(dirs: string[], namespaces: string[], root = process.cwd()): KeyUse[] {
  const uses: KeyUse[] = [];
  const ns = namespaces.map((n) => n.replace(/[^A-Za-z0-9_]/g, '')).join('|');
  const literal = new RegExp(`(['"\`])((?:${ns})\\.[A-Za-z0-9_.]+)\\1`, 'g');
  const template = new RegExp(`\`((?:${ns})\\.[A-Za-z0-9_.]*)\\$\\{`, 'g');
  const call = /\bt\(\s*(['"])([^'"]+)\1/g;
  const transKey = /i18nKey=(['"])([^'"]+)\1/g;
  for (const dir of dirs) {
    for (const file of walk(dir)) {
      const text = stripComments(readFileSync(file, 'utf8'));
      const rel = relative(root, file);
      for (const re of [call, transKey, literal]) {
        for (const m of text.matchAll(re)) uses.push({ key: m[2]!, file: rel });
      }
      for (const m of text.matchAll(template))
        uses.push({ key: m[1]!.replace(/\.$/, ''), file: rel, prefix: true });
    }
  }
  const seen = new Set<string>();
  return uses.filter((u) => {
    const id = `${u.key}|${u.file}|${u.prefix ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** `validation.*` keys the shared zod schemas emit as messages. */
export function collectSchemaKeys(files: string[], root = process.cwd()): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(['"])(validation\.[A-Za-z0-9_.]+)\1/g))
      uses.push({ key: m[2]!, file: relative(root, file) });
  }
  return uses;
}

export function listSourceFiles(dir: string): string[] {
  return walk(dir);
}

function lookup(tree: Tree | string | undefined, path: string[]): Tree | string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of path) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** Whether `ns.path.to.key` exists (as a string, or as plural forms `key_one`/`key_other`). */
export function hasKey(resources: Record<string, unknown>, key: string, prefix = false): boolean {
  const [ns, ...path] = key.split('.');
  const tree = resources[ns!] as Tree | undefined;
  if (!tree) return false;
  if (prefix) return path.length === 0 || typeof lookup(tree, path) === 'object';
  const node = lookup(tree, path);
  if (typeof node === 'string') return true;
  const last = path[path.length - 1];
  const parent = lookup(tree, path.slice(0, -1));
  return !!last && !!parent && typeof parent === 'object' && typeof parent[`${last}_other`] === 'string';
}

export function missingKeys(uses: KeyUse[], resources: Record<string, unknown>): string[] {
  return uses
    .filter((u) => !hasKey(resources, u.key, u.prefix))
    .map((u) => `${u.key}${u.prefix ? '.*' : ''} (${u.file})`);
}
