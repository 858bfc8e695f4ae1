import { type Outputs } from '../../../trpc';

export type MemberSession = Outputs['boards']['memberSession'];
