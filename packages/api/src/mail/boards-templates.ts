import { formatMoment } from './i18n';
import { composeMail, oneLine, plainName, whereLines, type Recipient } from './templates';
import type { OutgoingMail } from './mailer';

// The AI advisory boards' mails, in the recipient's language (board names and session titles arrive already in the
// reader's language). Names and titles typed by others are printed as one line of plain text, as in every mail.

/** To the nominee whose application or nomination was accepted: their seat and term. */
export function boardSeatMail(
  to: Recipient,
  details: { boardName: string; self: boolean; termStartsOn: string; termEndsOn: string },
  link: string,
): OutgoingMail {
  const board = oneLine(details.boardName);
  return composeMail(
    to,
    (t) => t('boardSeat.subject', { board }),
    (t) =>
      t(details.self ? 'boardSeat.bodyApplication' : 'boardSeat.bodyNomination', {
        board,
        termStartsOn: details.termStartsOn,
        termEndsOn: details.termEndsOn,
        link,
      }),
  );
}

/** To the applicant whose application or nomination was declined, with the reason given. */
export function nominationDeclinedMail(
  to: Recipient,
  details: { boardName: string; self: boolean; nomineeName: string; reason: string },
  link: string,
): OutgoingMail {
  const board = oneLine(details.boardName);
  return composeMail(
    to,
    (t) =>
      t(details.self ? 'nominationDeclined.subjectApplication' : 'nominationDeclined.subjectNomination', {
        board,
      }),
    (t) =>
      t(details.self ? 'nominationDeclined.bodyApplication' : 'nominationDeclined.bodyNomination', {
        board,
        nominee: plainName(details.nomineeName),
        reason: details.reason.trim(),
        link,
      }),
  );
}

/** To a seat holder newly invited to a session. */
export function sessionInvitationMail(
  to: Recipient,
  details: { boardName: string; sessionTitle: string; startsAt: Date },
  link: string,
): OutgoingMail {
  const session = oneLine(details.sessionTitle);
  return composeMail(
    to,
    (t) => t('sessionInvitation.subject', { session }),
    (t) =>
      t('sessionInvitation.body', {
        board: oneLine(details.boardName),
        session,
        startsAt: formatMoment(details.startsAt, to.locale),
        link,
      }),
  );
}

/** To the members invited to a session whose time or place has changed (issue #15, as for round events). */
export function sessionChangedMail(
  to: Recipient,
  details: {
    boardName: string;
    sessionTitle: string;
    startsAt: Date;
    endsAt: Date;
    venue?: string | null | undefined;
    onlineLink?: string | null | undefined;
  },
  link: string,
): OutgoingMail {
  const session = oneLine(details.sessionTitle);
  return composeMail(
    to,
    (t) => t('sessionChanged.subject', { session }),
    (t) =>
      t('sessionChanged.body', {
        board: oneLine(details.boardName),
        session,
        startsAt: formatMoment(details.startsAt, to.locale),
        endsAt: formatMoment(details.endsAt, to.locale),
        where: whereLines(t, details),
        link,
      }),
  );
}
