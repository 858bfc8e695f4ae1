// Mails that tell an author what became of their feedback (issue #14): a response was published, a hidden
// contribution is shown again. Keys under `worksurface` in mail/locales/<language>/mail.json.
import type { OutgoingMail } from './mailer';
import { composeMail, oneLine, type Recipient } from './templates';

export function contributionAnsweredMail(
  to: Recipient,
  details: { roundTitle: string; reference: string; link: string },
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('worksurface.contributionAnswered.subject', { reference: details.reference }),
    (t) =>
      t('worksurface.contributionAnswered.body', {
        reference: details.reference,
        roundTitle: oneLine(details.roundTitle),
        link: details.link,
      }),
  );
}

export function contributionShownAgainMail(
  to: Recipient,
  details: { roundTitle: string; reference: string },
): OutgoingMail {
  return composeMail(
    to,
    (t) => t('worksurface.contributionShownAgain.subject', { reference: details.reference }),
    (t) =>
      t('worksurface.contributionShownAgain.body', {
        reference: details.reference,
        roundTitle: oneLine(details.roundTitle),
      }),
  );
}
