/**
 * AI advisory boards (Roadmap action C2.1, issue #4). Procedures, by who may call them (policy/boards.ts):
 *
 * Public (anyone):
 *   constituencies                 the managed list of constituencies (key, label, marginalised)
 *   listPublic                     published boards (mandate, status, open calls)
 *   getPublic {boardId}            a published board: members who consented to be listed, public minutes, open calls
 *   openCalls                      calls for nominations open now, on published boards
 *
 * Signed in (applicants and members; each sees only their own):
 *   submitNomination {callId, self, …}  apply (self: true), or nominate someone (by name and e-mail)
 *   myNominations                  my applications and nominations, with the decision and the reason for a decline
 *   withdrawNomination {nominationId}
 *   myBoards                       boards where I hold a seat: my seat, upcoming sessions with my RSVP, surveys to answer
 *   memberBoard {boardId}          a board I sit on: fellow members, sessions with minutes for members, my training
 *   memberSession {sessionId}      a session of a board I sit on: agenda, my RSVP, my inputs, whether I answered the survey
 *   rsvp {sessionId, response, …}
 *   submitInput {sessionId, agendaItemId?, actionId?, text}
 *   answerSurvey {sessionId, satisfaction, trust, comment?, signed}
 *   updateMySeat {seatId, gender?, listedPublicly, conflictOfInterest?}   the self-declared parts of my seat
 *
 * Secretariat:
 *   adminList, adminGet {boardId}, create, update {boardId, expectedVersion, board}, transition {boardId, status},
 *   setTargets {boardId, targets}, addConstituency
 *   seats {boardId, includeEnded}, addSeat, updateSeat, endSeat
 *   calls {boardId}, createCall, updateCall, closeCall {callId}
 *   nominations {boardId, status?}, scoreNomination, acceptNomination, declineNomination
 *   sessions {boardId}, session {sessionId}, createSession, updateSession {sessionId, session}, invite, recordAttendance,
 *   saveMinutes, surveyResults {sessionId}, closeSurvey {sessionId}
 *   training {boardId}, addTraining, updateTraining
 *   monitor {boardId}              current composition against every target, unmet ones flagged
 *   participation {boardId}        rate per session and per member over time
 *   measures {boardId, period}     the four C2.1 measures per month or quarter
 *
 * Decisions: membership is a seat that has not been ended (`ended_at is null`); it is what grants a member access to
 * their board. A nominee is named by e-mail and must have an active account with that address when the nomination is
 * accepted (otherwise the acceptance is refused with `board.nomineeHasNoAccount`, and the Secretariat asks the nominee
 * to register). Seats are filled under a lock on the board row, so the last seat goes to exactly one acceptance.
 * Capacity counts every seat not ended, observers included; targets count chairs, vice-chairs and members only
 * (`countsTowardsTargets`). Survey answers: an unsigned answer is stored without user or time, and the Secretariat sees
 * aggregates only once the survey is closed and has at least three unsigned answers (`aggregateSurvey`).
 *
 * Files: public.ts, nominations.ts (applicants), members.ts, secretariat-boards.ts, secretariat-seats.ts,
 * secretariat-nominations.ts (calls and nominations), secretariat-sessions.ts, secretariat-surveys.ts,
 * secretariat-training.ts, secretariat-measures.ts (monitor, participation, measures); presenters.ts (rows → API
 * shapes), shared.ts (lookups that refuse, seating, participation inputs), boards.types.ts (local inputs). The SQL is in
 * packages/db (repositories/boards*.ts), the mails in ../../mail/boards-templates.ts.
 */
import { router } from '../../trpc';
import { memberProcedures } from './members';
import { applicantProcedures } from './nominations';
import { publicBoardProcedures } from './public';
import { secretariatBoardProcedures } from './secretariat-boards';
import { secretariatMeasureProcedures } from './secretariat-measures';
import { secretariatNominationProcedures } from './secretariat-nominations';
import { secretariatSeatProcedures } from './secretariat-seats';
import { secretariatSessionProcedures } from './secretariat-sessions';
import { secretariatSurveyProcedures } from './secretariat-surveys';
import { secretariatTrainingProcedures } from './secretariat-training';

export const boardsRouter = router({
  ...publicBoardProcedures,
  ...applicantProcedures,
  ...memberProcedures,
  ...secretariatBoardProcedures,
  ...secretariatSeatProcedures,
  ...secretariatNominationProcedures,
  ...secretariatSessionProcedures,
  ...secretariatSurveyProcedures,
  ...secretariatTrainingProcedures,
  ...secretariatMeasureProcedures,
});
