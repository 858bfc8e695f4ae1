import { localized, type NotificationKind } from '@musyawarah/core';
import type { Notification, NotificationParams } from '@musyawarah/db';
import type { TFunction } from 'i18next';
import { mailTranslator } from './i18n';
import type { OutgoingMail } from './mailer';
import { composeMail, oneLine, type Recipient } from './templates';

/** The links every non-essential mail carries: one-click unsubscribe (RFC 8058) and the preferences page. */
export interface UnsubscribeLinks {
  /** The page that confirms the unsubscription (GET shows it; nothing changes until the person or their mail client POSTs). */
  pageUrl: string;
  /** Where a mail client POSTs `List-Unsubscribe=One-Click`. */
  oneClickUrl: string;
  preferencesUrl: string;
}

/** RFC 8058 §3.1: an HTTPS URI in List-Unsubscribe, and List-Unsubscribe-Post saying one click is enough. */
export function unsubscribeHeaders(links: UnsubscribeLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.oneClickUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** A notification's values as the reader's language prints them: per-language titles picked, phases named. */
export function notificationValues(params: NotificationParams, locale: string, t: TFunction<'mail'>) {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') values[name] = oneLine(localized(value as { en: string }, [locale]).text);
    else if (name === 'phase') values[name] = t(`notifications.phases.${value}`);
    else values[name] = typeof value === 'string' ? oneLine(value) : value;
  }
  return values;
}

function eventLine(notification: Notification, locale: string, t: TFunction<'mail'>): string {
  return t(`notifications.events.${notification.event}`, notificationValues(notification.params, locale, t));
}

export function notificationMail(
  to: Recipient,
  notification: Notification,
  openUrl: string,
  links: UnsubscribeLinks,
): OutgoingMail {
  const locale = to.locale ?? 'en';
  const mail = composeMail(
    to,
    (t) => eventLine(notification, locale, t),
    (t) =>
      [
        eventLine(notification, locale, t),
        t('notifications.open', { link: openUrl }),
        footer(t, notification.kind as NotificationKind, links),
      ].join('\n\n'),
  );
  return { ...mail, headers: unsubscribeHeaders(links) };
}

export function digestMail(
  to: Recipient,
  period: 'daily' | 'weekly',
  items: readonly { notification: Notification; openUrl: string }[],
  links: UnsubscribeLinks,
): OutgoingMail {
  const locale = to.locale ?? 'en';
  const mail = composeMail(
    to,
    (t) =>
      t(period === 'daily' ? 'notifications.digest.subjectDaily' : 'notifications.digest.subjectWeekly', {
        count: items.length,
      }),
    (t) =>
      [
        t('notifications.digest.intro', { count: items.length }),
        items
          .map(({ notification, openUrl }) => `- ${eventLine(notification, locale, t)}\n  ${openUrl}`)
          .join('\n'),
        t('notifications.digestFooter', { unsubscribe: links.pageUrl, preferences: links.preferencesUrl }),
      ].join('\n\n'),
  );
  return { ...mail, headers: unsubscribeHeaders(links) };
}

function footer(t: TFunction<'mail'>, kind: NotificationKind, links: UnsubscribeLinks) {
  return t('notifications.footer', {
    kind: t(`notifications.kinds.${kind}`),
    unsubscribe: links.pageUrl,
    preferences: links.preferencesUrl,
  });
}

/** For tests and the preview: the subject line a notification gets in a language. */
export function notificationSubject(notification: Notification, locale: string) {
  return eventLine(notification, locale, mailTranslator(locale));
}
