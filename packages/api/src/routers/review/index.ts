/**
 * Review cycles of the Roadmap (Roadmap action C3.3): the Regional Review Framework, cycles with planned and actual
 * phases, member-state assessments, proposed edits with their diffs, member-state positions, comment threads,
 * resolutions, adoption of the new edition and the public record with its traceability.
 *
 * Procedures (role · phase in which the write is allowed; reads any time unless said):
 *   Public
 *     framework                      latest framework version (null before the first save)
 *     frameworkVersion {version}     one version of the framework
 *     cycles                         every started cycle with its stage and timeliness
 *     cycle {cycleId}                one started cycle; `record` (edits, resolutions, positions, answers, public
 *                                    comments) once adopted and published
 *     youSaidWeDid {edition}         adopted changes of an edition with the contributions and positions behind them
 *     outcomeOfContribution {contributionId}
 *                                    edits citing a contribution (from the comment period on) and what became of them
 *   Signed in (participants allowed in the cycle: Secretariat, Member States, others when audience = all_participants)
 *     edits {cycleId}                edits with diffs from the comment period on (Secretariat: always); a
 *                                    representative also gets their own state's position on each
 *     comments {editId}              the thread; confidential comments only to Secretariat/Member States/author
 *                                    until the cycle's publication date
 *     addComment                     · comment_period
 *   Member-state representative (own state only)
 *     myAssessment {cycleId}         scope (action areas × criteria) and the state's assessment
 *     saveAssessment                 · assessment (draft; expectedVersion, null for the first save)
 *     submitAssessment               · assessment (every area × criterion rated)
 *     recordPosition                 · comment_period (upsert; `memberState` must be the representative's own)
 *   Secretariat
 *     frameworkVersions, saveFramework {document, expectedVersion}
 *     adminCycles, adminCycle {cycleId}                             adminCycle: readiness (adoptionReadiness), unanswered positions/comments
 *     createCycle, updateCycle {cycleId, expectedVersion, cycle}   (planned dates; not once adopted)
 *     advancePhase {cycleId, expectedStage}                        records actual end/start dates
 *     assessmentResults {cycleId}                                  by action, by state, non-respondents
 *     createEdit · drafting, updateEdit {expectedVersion} · drafting, deleteEdit {expectedVersion} · drafting
 *     positionsMatrix {cycleId}                                    edits × 11 states, non-respondents per edit
 *     resolveEdit {expectedVersion} · finalisation
 *     answerPosition, answerComment · comment_period, finalisation
 *     advancePhase into adoption and adopt are refused while adoption would fail (adoptionReadiness: unresolved
 *     edits, nothing accepted, base edition no longer current, accepted edits that collide — each named)
 *     returnToFinalisation {cycleId, expectedStage} · adoption      steps back so resolutions can change
 *     adopt {cycleId, title, notes} · adoption
 *     closeCycle {cycleId, expectedVersion, superseded, reason}   any stage before adopted: closes without adopting
 *                                    (the way forward for a cycle whose base edition was superseded); the reason is
 *                                    public; a closed cycle accepts no writes (core phaseAllows → review.cycleClosed)
 *     timelinessReport {format: json | csv, cycleId?}
 *
 * Cycle titles and descriptions and the framework's criteria and metrics are per language (`{ en, km?, … }`, English
 * required; a plain string sent is read as English, and framework versions stored with plain strings read as English):
 * outputs carry the objects and the apps show the reader's language, falling back to English.
 *
 * Refusals are translation keys in `review.*` (packages/ui/src/locales/en/review.json). An edit saved from a stale
 * version is refused with CONFLICT `review.editConflict`, never silently overwritten.
 */
import { router } from '../../trpc';
import { adoptionProcedures } from './adoption';
import { memberStateReviewProcedures } from './member-state';
import { participantReviewProcedures } from './participants';
import { publicReviewProcedures } from './public';
import { secretariatCycleProcedures } from './secretariat-cycles';
import { secretariatEditProcedures } from './secretariat-edits';

export const reviewRouter = router({
  ...publicReviewProcedures,
  ...participantReviewProcedures,
  ...memberStateReviewProcedures,
  ...secretariatCycleProcedures,
  ...secretariatEditProcedures,
  ...adoptionProcedures,
});

export type { PresentedComment, PresentedCycle, PresentedPosition } from './presenters';
export type { PresentedEdit } from './shared';

// Re-validated on read by the apps; exported for their forms.
export { frameworkDocumentSchema } from '@musyawarah/core';
