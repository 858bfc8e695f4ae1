import type { Plugin } from 'vite';
export function productionReactRouter(): Plugin;
