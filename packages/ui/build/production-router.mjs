// React Router 7's package exports point every condition at its development build, which differs from the production
// one in `ENABLE_DEV_WARNINGS = true`: built as is, the apps print the router's development warnings in people's
// consoles and ship the code that produces them. The maintainers call the exports map temporary
// (remix-run/react-router#12532, #14753); until it changes, a build resolves `react-router` to the production build
// that the same package ships beside it. The dev server keeps the development build and its warnings.
import { fileURLToPath } from 'node:url';

/** @returns {import('vite').Plugin} */
export function productionReactRouter() {
  return {
    name: 'musyawarah:production-react-router',
    config(_config, { command }) {
      if (command !== 'build') return undefined;
      const development = fileURLToPath(import.meta.resolve('react-router'));
      const production = development.replace(
        /([\\/])development([\\/])index\.mjs$/,
        '$1production$2index.mjs',
      );
      if (production === development)
        throw new Error(`react-router's layout changed (${development}): review productionReactRouter()`);
      return { resolve: { alias: [{ find: /^react-router$/, replacement: production }] } };
    },
  };
}
