// axe-core is injected into pages with addScriptTag; this lets page.evaluate callbacks call it typed.
import type axe from 'axe-core';

declare global {
  interface Window {
    axe: typeof axe;
  }
}
