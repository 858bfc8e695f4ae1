import type { Outputs } from '../../../trpc';

export type SessionDetail = Outputs['boards']['session'];

export type Invitation = SessionDetail['invitations'][number];
