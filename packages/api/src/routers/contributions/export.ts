// The Secretariat's export of a round's contributions, as JSON or CSV.
import Papa from 'papaparse';
import { z } from 'zod';
import {
  findRound,
  listContributionItems,
  listRoundContributions,
  listThemesOfContributions,
} from '@musyawarah/db';
import { notFound } from '../../errors';
import { secretariatProcedure } from '../../trpc';
import { uuid } from './contributions.types';
import { itemsOf, themesOf } from './presenters';

export const exportProcedures = {
  /**
   * The round's contributions for analysis. Names and organisations appear only where the author chose to be named
   * publicly; everyone else is identified by receipt reference alone. Hidden contributions are included and marked.
   */
  export: secretariatProcedure
    .input(z.object({ roundId: uuid, format: z.enum(['csv', 'json']) }))
    .query(async ({ ctx, input }) => {
      const round = await findRound(ctx.db, input.roundId);
      if (!round) throw notFound('round.notFound');
      const rows = await listRoundContributions(ctx.db, round.id, { includeHidden: true });
      const ids = rows.map((r) => r.id);
      const [items, themes] = await Promise.all([
        listContributionItems(ctx.db, ids),
        listThemesOfContributions(ctx.db, ids),
      ]);
      const records = rows.map((r) => ({
        receiptReference: r.receipt_reference,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        name: r.named_publicly ? (r.participant_name ?? r.author_name) : null,
        organisation: r.named_publicly ? r.organisation_name : null,
        stakeholderGroup: r.stakeholder_group,
        memberState: r.member_state_code,
        writtenIn: r.written_in,
        facilitated: r.facilitated_by !== null,
        hidden: r.hidden_at !== null,
        hiddenReason: r.hidden_reason,
        themes: themesOf(themes, r.id).map((t) => t.label),
        answers: r.answers,
        items: itemsOf(items, r.id),
        response: r.response_text,
      }));
      const stamp = round.id.slice(0, 8);
      if (input.format === 'json') {
        return {
          filename: `contributions-${stamp}.json`,
          contentType: 'application/json',
          body: JSON.stringify({ roundId: round.id, contributions: records }, null, 2),
        };
      }
      // One row per feedback item (or one row for answers only), the shape spreadsheets and qualitative tools expect.
      const flat = records.flatMap((r) => {
        const base = {
          receipt_reference: r.receiptReference,
          submitted_at: r.submittedAt,
          name: r.name ?? '',
          organisation: r.organisation ?? '',
          stakeholder_group: r.stakeholderGroup,
          member_state: r.memberState ?? '',
          written_in: r.writtenIn,
          facilitated: r.facilitated,
          hidden: r.hidden,
          themes: r.themes.join('; '),
          answers: JSON.stringify(r.answers),
          response: r.response ?? '',
        };
        return r.items.length
          ? r.items.map((i) => ({
              ...base,
              item_type: i.type,
              item_text: i.text,
              action_id: i.actionId ?? '',
            }))
          : [{ ...base, item_type: '', item_text: '', action_id: '' }];
      });
      return {
        filename: `contributions-${stamp}.csv`,
        contentType: 'text/csv',
        body: Papa.unparse(flat, { escapeFormulae: true }),
      };
    }),
};
