export { default } from '@musyawarah/eslint-config';
