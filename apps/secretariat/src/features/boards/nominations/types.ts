import type { Outputs } from '../../../trpc';

export type Nomination = Outputs['boards']['nominations'][number];
