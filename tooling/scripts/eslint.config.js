// Relative import: the scripts run before (and without) a workspace install of their own, so they declare no packages.
export { default } from '../eslint/index.js';
