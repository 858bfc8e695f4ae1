// The public record of a round's contributions.
import {
  findRound,
  listContributionItems,
  listRoundContributions,
  listThemesOfContributions,
} from '@musyawarah/db';
import { notFound } from '../../errors';
import { publicProcedure } from '../../trpc';
import { roundIdInput } from './contributions.types';
import { itemsOf, themesOf } from './presenters';

export const publicContributionProcedures = {
  /** The public record of a round: visible submissions, named only where the author chose to be. */
  listPublic: publicProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.readDb, input.roundId);
    if (!round || !round.published_at) throw notFound('round.notFound');
    const rows = await listRoundContributions(ctx.readDb, round.id, { includeHidden: false });
    const ids = rows.map((r) => r.id);
    const [items, themes] = await Promise.all([
      listContributionItems(ctx.readDb, ids),
      listThemesOfContributions(ctx.readDb, ids),
    ]);
    return rows.map((r) => ({
      id: r.id,
      authorName: r.named_publicly ? (r.participant_name ?? r.author_name) : null,
      organisationName: r.named_publicly ? r.organisation_name : null,
      stakeholderGroup: r.stakeholder_group,
      memberState: r.member_state_code,
      writtenIn: r.written_in,
      submittedAt: r.submitted_at,
      answers: r.answers,
      items: itemsOf(items, r.id),
      themes: themesOf(themes, r.id),
      response: r.response_text,
    }));
  }),
};
