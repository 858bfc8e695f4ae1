import type { OutgoingMail } from './mailer';

// English only for now; the account's locale is passed so translated templates can slot in per language.
const signature = '\n\n— Musyawarah, the ASEAN Responsible AI Roadmap consultation platform';

/**
 * "Hello ⟨name⟩," with the name as plain text on one line. Names are validated when entered (one line, no links), but
 * a mail goes to an address and the name may be older than that rule or typed by someone else, so here too line
 * breaks and control characters become spaces, and a name that still looks like a link or an address (a scheme,
 * www., an @, a dotted domain) is left out rather than printed where a mail client would make it clickable.
 */
export function greeting(name: string): string {
  const text = plainName(name);
  return text ? `Hello ${text},` : 'Hello,';
}

/** A person's name as mail prints it (see `greeting`): one line of plain text, or '' when it looks like a link. */
export function plainName(name: string): string {
  const text = name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const linkLike = /:\/\/|\bwww\.|@|[\p{L}\p{N}-]\.[\p{L}]{2,}/iu;
  return linkLike.test(text) ? '' : text;
}

export function confirmEmailMail(to: { email: string; name: string }, link: string): OutgoingMail {
  return {
    to: to.email,
    subject: 'Confirm your e-mail address for Musyawarah',
    text:
      `${greeting(to.name)}\n\nPlease confirm your e-mail address and choose your password to start taking part in ` +
      `consultations on the ASEAN Responsible AI Roadmap:\n\n${link}\n\nThis link works once and expires in 48 hours. ` +
      `If you did not register, you can ignore this message: nothing can be done with the account until the link is used.${signature}`,
  };
}

export function alreadyRegisteredMail(to: { email: string; name: string }, signInLink: string, resetLink: string): OutgoingMail {
  return {
    to: to.email,
    subject: 'You already have a Musyawarah account',
    text:
      `${greeting(to.name)}\n\nSomeone (probably you) tried to register with this e-mail address, but it already has an ` +
      `account.\n\nSign in: ${signInLink}\nForgotten your password? ${resetLink}\n\nIf this was not you, you can ignore ` +
      `this message.${signature}`,
  };
}

export function invitationMail(
  to: { email: string; name: string },
  details: { roleLabel: string; inviterName: string },
  link: string,
): OutgoingMail {
  return {
    to: to.email,
    subject: 'You are invited to Musyawarah',
    text:
      `${greeting(to.name)}\n\n${plainName(details.inviterName) || 'The ASEAN Secretariat'} has invited you to Musyawarah as ${details.roleLabel}.\n\n` +
      `Set your password to activate your account:\n\n${link}\n\nThis link works once and expires in 7 days.${signature}`,
  };
}

export function passwordResetMail(to: { email: string; name: string }, link: string): OutgoingMail {
  return {
    to: to.email,
    subject: 'Reset your Musyawarah password',
    text:
      `${greeting(to.name)}\n\nUse this link to choose a new password:\n\n${link}\n\nThis link works once and expires in ` +
      `1 hour. If you did not ask for it, you can ignore this message; your password has not changed.${signature}`,
  };
}

export function contributionReceiptMail(
  to: { email: string; name: string },
  details: { roundTitle: string; reference: string; submittedAt: Date; link: string },
): OutgoingMail {
  return {
    to: to.email,
    subject: `Your feedback has been received (${details.reference})`,
    text:
      `${greeting(to.name)}\n\nThank you for taking part in "${details.roundTitle}".\n\nYour receipt reference is ` +
      `${details.reference} (received ${details.submittedAt.toISOString()} UTC).\n\nYou can read what you sent, and any ` +
      `answer from the ASEAN Secretariat, under "My contributions": ${details.link}${signature}`,
  };
}

export function contributionHiddenMail(
  to: { email: string; name: string },
  details: { roundTitle: string; reference: string; reasonLabel: string },
): OutgoingMail {
  return {
    to: to.email,
    subject: `Your feedback ${details.reference} has been hidden`,
    text:
      `${greeting(to.name)}\n\nThe ASEAN Secretariat has hidden your contribution ${details.reference} to ` +
      `"${details.roundTitle}" from public view. Reason: ${details.reasonLabel}.\n\nIt is not deleted. If you think this ` +
      `is a mistake, reply to the Secretariat quoting the reference.${signature}`,
  };
}

/** A place at a round's event freed up and went to the first person on the waitlist (issue #11 item 11). */
export function eventPlaceOfferedMail(
  to: { email: string; name: string },
  details: { roundTitle: string; startsAt: Date; timezone: string; link: string },
): OutgoingMail {
  // User-typed text stays on one line, as text (no line breaks that could forge the rest of the message).
  const line = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  const when = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: details.timezone, timeZoneName: 'short',
  }).format(details.startsAt);
  return {
    to: to.email,
    subject: 'A place at the event is now yours',
    text:
      `Hello ${line(to.name)},\n\nA place has become free at the event of "${line(details.roundTitle)}", and you were ` +
      `first on the waitlist: you are now registered. The event starts ${when}.\n\nThe accommodations you asked for ` +
      `are noted. If you can no longer attend, please cancel your registration so the next person can have the place: ` +
      `${details.link}${signature}`,
  };
}
