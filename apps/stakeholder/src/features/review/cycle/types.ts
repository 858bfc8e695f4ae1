import { type Outputs } from '../../../trpc';

export type Cycle = Outputs['review']['cycle'];

export type ParticipantEdit = Outputs['review']['edits']['edits'][number];

export type RecordEdit = NonNullable<Cycle['record']>[number];

export type Comment = Outputs['review']['comments'][number];
