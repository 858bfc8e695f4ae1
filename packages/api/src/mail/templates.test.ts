import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@musyawarah/core';
import { requestLocale } from './i18n';
import {
  confirmEmailMail,
  contributionReceiptMail,
  greeting,
  invitationMail,
  passwordResetMail,
} from './templates';

describe('user text in mail is one line of plain text, never a link', () => {
  it('greets by name on one line', () => {
    expect(greeting('Siti Aminah')).toBe('Hello Siti Aminah,');
    expect(greeting('Bob\r\n\r\nSmith\u2028Jr')).toBe('Hello Bob Smith Jr,');
    expect(greeting('Eve\u202Egnp.exe')).toBe('Hello,');
  });

  it('leaves out a name that looks like a link or an address instead of printing it', () => {
    for (const name of [
      'Bob\n\nClick https://evil.example/reset',
      'Bob www.evil.example',
      'bob@evil.example',
      'Visit evil.example now',
    ]) {
      expect(greeting(name), name).toBe('Hello,');
      expect(
        passwordResetMail({ email: 'a@example.org', name }, 'http://localhost:3000/reset-password?token=x')
          .text,
      ).not.toContain('evil');
    }
    expect(
      confirmEmailMail(
        { email: 'a@example.org', name: 'Bob\nhttps://evil.example' },
        'http://x/confirm-email',
      ).text.split('\n')[0],
    ).toBe('Hello,');
  });

  it('prints an inviter name the same way', () => {
    const mail = invitationMail(
      { email: 'a@example.org', name: 'Kanya' },
      { invited: { role: 'secretariat' }, inviterName: 'Admin\nhttps://evil.example' },
      'http://x',
    );
    expect(mail.text).not.toContain('evil');
    expect(mail.text).toContain('The ASEAN Secretariat has invited you');
  });
});

describe("mail is written in the recipient's language", () => {
  it('uses the language of the account, with dates in that language and the time zone named', () => {
    const en = contributionReceiptMail(
      { email: 'a@example.org', name: 'Ana' },
      {
        roundTitle: 'Round',
        reference: 'R-1',
        submittedAt: new Date('2026-03-04T05:06:00Z'),
        link: 'http://x',
      },
    );
    expect(en.text).toContain('Wednesday, 4 March 2026 at 05:06 UTC');
    const th = contributionReceiptMail(
      { email: 'a@example.org', name: 'Ana', locale: 'th' },
      {
        roundTitle: 'Round',
        reference: 'R-1',
        submittedAt: new Date('2026-03-04T05:06:00Z'),
        link: 'http://x',
      },
    );
    expect(th.subject).toMatch(/[\u0E00-\u0E7F]/);
    expect(th.text).toMatch(/[\u0E00-\u0E7F]/);
    expect(th.text).toContain('R-1');
    expect(th.text).not.toContain('Thank you for taking part');
    for (const locale of LANGUAGES) {
      const mail = passwordResetMail(
        { email: 'a@example.org', name: 'Ana', locale },
        'http://x/reset-password?token=abc',
      );
      expect(mail.text, locale).toContain('http://x/reset-password?token=abc');
      if (locale !== 'en') expect(mail.subject, locale).not.toBe('Reset your Musyawarah password');
    }
  });

  it('falls back to English for a language the platform does not speak', () => {
    expect(passwordResetMail({ email: 'a@example.org', name: 'Ana', locale: 'xx' }, 'http://x').subject).toBe(
      'Reset your Musyawarah password',
    );
  });

  it("reads the language of a request from the app's header, else Accept-Language", () => {
    expect(requestLocale('km', 'en-US,en;q=0.9')).toBe('km');
    expect(requestLocale(undefined, 'th-TH,th;q=0.9,en;q=0.8')).toBe('th');
    expect(requestLocale(undefined, 'de-DE,tl;q=0.5')).toBe('fil');
    expect(requestLocale('klingon', 'de-DE')).toBeNull();
  });
});
