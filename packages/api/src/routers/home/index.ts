/**
 * Each role's home: what needs that person now, with counts and the screens to act on them.
 *
 *   secretariat     Secretariat: reports awaiting moderation and contributions awaiting a response per round, rounds
 *                   opening or closing this week with participation against targets, boards with unmet targets,
 *                   calls for nominations closing this week, live review cycles with the Member States still to
 *                   respond in their phase, failed mail
 *   memberState     a representative, own state only: edits awaiting the state's position (comment period, with its
 *                   planned end), assessments of cycles in their assessment phase, this year's readiness
 *                   self-assessment, the Secretariat's answers to the state's positions and comments
 *   participant     a signed-in stakeholder: open rounds in their audience they have not started, unsent drafts with
 *                   the round's closing time, feedback the Secretariat has answered, board sessions to answer (RSVP,
 *                   satisfaction survey)
 *
 * The figures come from the readings the detail screens use (routers/shared/work.ts, repositories/work.ts).
 */
import { router } from '../../trpc';
import { memberStateHome } from './member-state';
import { participantHome } from './participant';
import { secretariatHome } from './secretariat';

export const homeRouter = router({
  secretariat: secretariatHome,
  memberState: memberStateHome,
  participant: participantHome,
});
