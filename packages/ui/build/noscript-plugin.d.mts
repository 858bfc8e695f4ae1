import type { Plugin } from 'vite';
export function noscriptInEveryLanguage(): Plugin;
