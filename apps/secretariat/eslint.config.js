import { react } from '@musyawarah/eslint-config';

export default react;
