import { MEMBER_STATE_CODES } from '@musyawarah/core';
import type { TFunction } from 'i18next';
import { formatMoment, mailTranslator } from './i18n';
import type { OutgoingMail } from './mailer';

/**
 * Every mail is written in its recipient's language (`locale`: the account's language, or for someone without an
 * account the language of the page they acted from), from packages/api/src/mail/locales/<language>/mail.json.
 */
export interface Recipient {
  email: string;
  name: string;
  locale?: string | null;
}

/**
 * "Hello ⟨name⟩," with the name as plain text on one line. Names are validated when entered (one line, no links), but
 * a mail goes to an address and the name may be older than that rule or typed by someone else, so here too line
 * breaks and control characters become spaces, and a name that still looks like a link or an address (a scheme,
 * www., an @, a dotted domain) is left out rather than printed where a mail client would make it clickable.
 */
export function greeting(name: string, t: TFunction<'mail'> = mailTranslator('en')): string {
  const text = plainName(name);
  return text ? t('greeting.named', { name: text }) : t('greeting.anonymous');
}

/** A person's name as mail prints it (see `greeting`): one line of plain text, or '' when it looks like a link. */
export function plainName(name: string): string {
  const text = name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  const linkLike = /:\/\/|\bwww\.|@|[\p{L}\p{N}-]\.[\p{L}]{2,}/iu;
  return linkLike.test(text) ? '' : text;
}

/** Text a person typed elsewhere (a round's title): one line, so it cannot start a paragraph of its own. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Greeting, body and signature, in the recipient's language. */
export function composeMail(
  to: Recipient,
  subject: (t: TFunction<'mail'>) => string,
  body: (t: TFunction<'mail'>) => string,
): OutgoingMail {
  const t = mailTranslator(to.locale);
  return {
    to: to.email,
    subject: subject(t),
    text: `${greeting(to.name, t)}\n\n${body(t)}\n\n${t('signature')}`,
  };
}

export function confirmEmailMail(to: Recipient, link: string): OutgoingMail {
  return composeMail(
    to,
    (t) => t('confirmEmail.subject'),
    (t) => t('confirmEmail.body', { link }),
  );
}

export function alreadyRegisteredMail(to: Recipient, signInLink: string, resetLink: string): OutgoingMail {
  return composeMail(
    to,
    (t) => t('alreadyRegistered.subject'),
    (t) => t('alreadyRegistered.body', { signInLink, resetLink }),
  );
}

/** The role an invitation offers, in the invitee's words. */
export type InvitedRole = { role: 'secretariat' } | { role: 'member_state'; memberState: string | null };

export function invitationMail(
  to: Recipient,
  details: { invited: InvitedRole; inviterName: string },
  link: string,
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('invitation.subject'),
    (t) => {
      const { invited } = details;
      const code = invited.role === 'member_state' ? invited.memberState : null;
      const role =
        invited.role === 'secretariat'
          ? t('invitation.roleSecretariat')
          : t('invitation.roleMemberState', {
              state:
                code && (MEMBER_STATE_CODES as readonly string[]).includes(code)
                  ? t(`memberStates.${code}`)
                  : (code ?? ''),
            });
      return t('invitation.body', {
        inviter: plainName(details.inviterName) || t('invitation.theSecretariat'),
        role,
        link,
      });
    },
  );
}

export function passwordResetMail(to: Recipient, link: string): OutgoingMail {
  return composeMail(
    to,
    (t) => t('passwordReset.subject'),
    (t) => t('passwordReset.body', { link }),
  );
}

export function contributionReceiptMail(
  to: Recipient,
  details: { roundTitle: string; reference: string; submittedAt: Date; link: string },
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('contributionReceipt.subject', { reference: details.reference }),
    (t) =>
      t('contributionReceipt.body', {
        roundTitle: oneLine(details.roundTitle),
        reference: details.reference,
        submittedAt: formatMoment(details.submittedAt, to.locale),
        link: details.link,
      }),
  );
}

export const MODERATION_REASONS = ['abuse', 'personal_data', 'off_topic', 'spam'] as const;

export function contributionHiddenMail(
  to: Recipient,
  details: { roundTitle: string; reference: string; reason: string },
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('contributionHidden.subject', { reference: details.reference }),
    (t) =>
      t('contributionHidden.body', {
        reference: details.reference,
        roundTitle: oneLine(details.roundTitle),
        reason: (MODERATION_REASONS as readonly string[]).includes(details.reason)
          ? t(`contributionHidden.reasons.${details.reason}`)
          : details.reason,
      }),
  );
}

/** A place at a round's event freed up and went to the first person on the waitlist (issue #11 item 11). */
export function eventPlaceOfferedMail(
  to: Recipient,
  details: { roundTitle: string; startsAt: Date; timezone: string; link: string },
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('eventPlaceOffered.subject'),
    (t) =>
      t('eventPlaceOffered.body', {
        roundTitle: oneLine(details.roundTitle),
        startsAt: formatMoment(details.startsAt, to.locale, details.timezone),
        link: details.link,
      }),
  );
}

/** Where an event or a session happens: its room, its meeting link, or both, a line each. */
export function whereLines(
  t: TFunction<'mail'>,
  place: { venue?: string | null | undefined; onlineLink?: string | null | undefined },
): string {
  return [
    place.venue ? t('eventChanged.venue', { venue: oneLine(place.venue) }) : null,
    place.onlineLink ? t('eventChanged.online', { url: place.onlineLink }) : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/** The time or place of an event someone holds or waits for a place at has changed (issue #15). */
export function eventChangedMail(
  to: Recipient,
  details: {
    roundTitle: string;
    startsAt: Date;
    endsAt: Date;
    timezone: string;
    venue?: string | null | undefined;
    onlineLink?: string | null | undefined;
    link: string;
  },
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('eventChanged.subject'),
    (t) =>
      t('eventChanged.body', {
        roundTitle: oneLine(details.roundTitle),
        startsAt: formatMoment(details.startsAt, to.locale, details.timezone),
        endsAt: formatMoment(details.endsAt, to.locale, details.timezone),
        where: whereLines(t, details),
        link: details.link,
      }),
  );
}
