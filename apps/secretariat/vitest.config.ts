import { vitestConfig } from '@musyawarah/vitest-config';

export default vitestConfig();
