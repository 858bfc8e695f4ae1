import type { Outputs } from '../../../trpc';
import type { RoundDetail } from '../shared';

export type Contribution = Outputs['contributions']['moderationQueue'][number];

export type Question = RoundDetail['questions'][number];

/** Says what happened at the top of the queue (a success, or the server's refusal). */
export type OnDone = (text: string, tone?: 'success' | 'error') => void;

/** What each part of a contribution card gets: whose it is, how to name it, how to refresh the queue. */
export interface CardPartProps {
  contributionId: string;
  /** The receipt reference, read after each button's label so screen readers know which contribution it acts on. */
  reference: string;
  /** Prefix of the card's element ids. */
  idPrefix: string;
  refresh: () => Promise<void>;
  onDone: OnDone;
}
