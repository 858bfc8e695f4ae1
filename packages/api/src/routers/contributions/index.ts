/**
 * Contributions to consultation rounds. Procedures, by who may call them:
 *
 * Public (anyone):
 *   listPublic {roundId}           the public record of a published round: visible submissions, named only by choice
 *
 * Signed in (participants; each sees only their own):
 *   myDraft {roundId}, saveDraft   the draft, saved as the participant types while the round is open
 *   submit                         feedback, idempotent by the client's key (a retry gets the first receipt)
 *   mine, mineDetail {contributionId}
 *   report {contributionId, reason, note?}
 *   myRegistration {roundId}, myRegistrations, registerForEvent, cancelRegistration {roundId}   a round's event
 *
 * Secretariat:
 *   submitOnBehalf                 feedback gathered at an in-person event, recorded as facilitated by them
 *   moderationQueue {roundId}, hide, unhide {contributionId}, respond {contributionId, text},
 *   dismissReports {contributionId, note}   reports resolved with a note, the contribution stays shown
 *   setThemes {contributionId, themeIds}
 *   (the author is mailed when hidden, shown again, and when a response is first published)
 *   export {roundId, format}       JSON, or CSV with one row per feedback item
 *   eventRegistrations {roundId}, exportRegistrations {roundId}, cancelRegistrationFor {registrationId}
 *
 * Files: participants.ts, public.ts, moderation.ts, export.ts, events.ts (event registrations); submission.ts (the one
 * path by which feedback is stored), presenters.ts (rows → API shapes), shared.ts (questions, the open round),
 * contributions.types.ts (local inputs). Helpers shared with other routers are in ../shared/ (links, consultation);
 * the SQL is in packages/db (repositories/consultation.ts, contributions.ts, event-registrations.ts).
 */
import { router } from '../../trpc';
import { eventProcedures } from './events';
import { exportProcedures } from './export';
import { moderationProcedures } from './moderation';
import { participantProcedures } from './participants';
import { publicContributionProcedures } from './public';

export const contributionsRouter = router({
  ...participantProcedures,
  ...publicContributionProcedures,
  ...moderationProcedures,
  ...exportProcedures,
  ...eventProcedures,
});
