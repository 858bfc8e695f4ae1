import type { OutgoingMail } from './mailer';

// The AI advisory boards' mails, worded as the boards router wrote them (English; board names and session titles
// arrive already in the reader's language).
function mail(to: string, subject: string, text: string): OutgoingMail {
  return { to, subject, text: `${text}\n\n— Musyawarah, the ASEAN Responsible AI Roadmap consultation platform` };
}

/** To the nominee whose application or nomination was accepted: their seat and term. */
export function boardSeatMail(
  to: { email: string; name: string },
  details: { boardName: string; self: boolean; termStartsOn: string; termEndsOn: string },
  link: string,
): OutgoingMail {
  const name = details.boardName;
  return mail(
    to.email,
    `You have a seat on ${name}`,
    `Hello ${to.name},\n\nThe ASEAN Secretariat has accepted ${details.self ? 'your application' : 'your nomination'} to ${name}. ` +
      `Your term runs from ${details.termStartsOn} to ${details.termEndsOn}.\n\nSee the board and its sessions under "My boards": ${link}` +
      `\n\nPlease review your seat there: whether you agree to be listed publicly, and your conflict-of-interest declaration.`,
  );
}

/** To the applicant whose application or nomination was declined, with the reason given. */
export function nominationDeclinedMail(
  to: { email: string; name: string },
  details: { boardName: string; self: boolean; nomineeName: string; reason: string },
  link: string,
): OutgoingMail {
  return mail(
    to.email,
    `About your ${details.self ? 'application' : 'nomination'} to ${details.boardName}`,
    `Hello ${to.name},\n\nThe ASEAN Secretariat has decided not to accept ${details.self ? 'your application' : `your nomination of ${details.nomineeName}`} ` +
      `to ${details.boardName}.\n\nThe reason given:\n${details.reason}\n\nYou can read it again under "My boards": ${link}`,
  );
}

/** To a seat holder newly invited to a session. */
export function sessionInvitationMail(
  to: { email: string; name: string },
  details: { boardName: string; sessionTitle: string; startsAt: Date },
  link: string,
): OutgoingMail {
  return mail(
    to.email,
    `Invitation: ${details.sessionTitle}`,
    `Hello ${to.name},\n\nYou are invited to a session of ${details.boardName}: "${details.sessionTitle}", ` +
      `starting ${details.startsAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.\n\nPlease reply and tell us what support you need: ${link}`,
  );
}
