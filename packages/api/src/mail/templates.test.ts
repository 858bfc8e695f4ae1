import { describe, expect, it } from 'vitest';
import { confirmEmailMail, greeting, invitationMail, passwordResetMail } from './templates';

describe('user text in mail is one line of plain text, never a link', () => {
  it('greets by name on one line', () => {
    expect(greeting('Siti Aminah')).toBe('Hello Siti Aminah,');
    expect(greeting('Bob\r\n\r\nSmith\u2028Jr')).toBe('Hello Bob Smith Jr,');
    expect(greeting('Eve\u202Egnp.exe')).toBe('Hello,');
  });

  it('leaves out a name that looks like a link or an address instead of printing it', () => {
    for (const name of ['Bob\n\nClick https://evil.example/reset', 'Bob www.evil.example', 'bob@evil.example', 'Visit evil.example now']) {
      expect(greeting(name), name).toBe('Hello,');
      expect(passwordResetMail({ email: 'a@example.org', name }, 'http://localhost:3000/reset-password?token=x').text).not.toContain('evil');
    }
    expect(confirmEmailMail({ email: 'a@example.org', name: 'Bob\nhttps://evil.example' }, 'http://x/confirm-email').text.split('\n')[0]).toBe('Hello,');
  });

  it('prints an inviter name the same way', () => {
    const mail = invitationMail({ email: 'a@example.org', name: 'Kanya' }, { roleLabel: 'a member of the ASEAN Secretariat team', inviterName: 'Admin\nhttps://evil.example' }, 'http://x');
    expect(mail.text).not.toContain('evil');
    expect(mail.text).toContain('The ASEAN Secretariat has invited you');
  });
});
