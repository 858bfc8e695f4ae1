// The boards' mails (mail/boards-templates.ts): in the recipient's language, names and titles typed by others as one
// plain line, never a link.
import { describe, expect, it } from 'vitest';
import { boardSeatMail, nominationDeclinedMail, sessionInvitationMail } from './mail/boards-templates';

const link = 'https://musyawarah.example/boards/mine';
const signature = '— Musyawarah, the ASEAN Responsible AI Roadmap consultation platform';

describe('boards mail templates', () => {
  it('seat after an accepted application or nomination: board, term and link', () => {
    for (const self of [true, false]) {
      const mail = boardSeatMail(
        { email: 'a@example.org', name: 'Ana' },
        { boardName: 'Youth advisory board', self, termStartsOn: '2026-01-01', termEndsOn: '2027-12-31' },
        link,
      );
      expect(mail.to).toBe('a@example.org');
      expect(mail.subject).toBe('You have a seat on Youth advisory board');
      expect(mail.text.split('\n')[0]).toBe('Hello Ana,');
      expect(mail.text).toContain(
        `has accepted ${self ? 'your application' : 'your nomination'} to Youth advisory board.`,
      );
      expect(mail.text).toContain('Your term runs from 2026-01-01 to 2027-12-31.');
      expect(mail.text).toContain(link);
      expect(mail.text.endsWith(signature)).toBe(true);
    }
  });

  it('declined application or nomination, with the reason', () => {
    const own = nominationDeclinedMail(
      { email: 'b@example.org', name: 'Budi' },
      { boardName: 'Board B', self: true, nomineeName: 'Citra', reason: 'Seats are full.' },
      link,
    );
    expect(own.subject).toBe('About your application to Board B');
    expect(own.text).toContain(
      'not to accept your application to Board B.\n\nThe reason given:\nSeats are full.',
    );
    const other = nominationDeclinedMail(
      { email: 'b@example.org', name: 'Budi' },
      { boardName: 'Board B', self: false, nomineeName: 'Citra', reason: 'Seats are full.' },
      link,
    );
    expect(other.subject).toBe('About your nomination to Board B');
    expect(other.text).toContain('your nomination of Citra to Board B.');
  });

  it('invitation to a session, its start with the time zone named', () => {
    const mail = sessionInvitationMail(
      { email: 'c@example.org', name: 'Citra' },
      {
        boardName: 'Board C',
        sessionTitle: 'Inaugural session',
        startsAt: new Date('2026-03-04T05:06:07.890Z'),
      },
      `${link}/sessions/1`,
    );
    expect(mail.subject).toBe('Invitation: Inaugural session');
    expect(mail.text).toContain(
      'You are invited to a session of Board C: “Inaugural session”, starting Wednesday, 4 March 2026',
    );
    expect(mail.text).toMatch(/05:06 UTC/);
  });

  it('prints no link-like name and no line break from a board name or session title (sibling of issue #11 item 16)', () => {
    const seat = boardSeatMail(
      { email: 'a@example.org', name: 'Ana\n\nClick https://evil.example' },
      {
        boardName: 'Board\nVisit www.evil.example',
        self: true,
        termStartsOn: '2026-01-01',
        termEndsOn: '2027-12-31',
      },
      link,
    );
    expect(seat.text.split('\n')[0]).toBe('Hello,');
    expect(seat.subject).not.toContain('\n');
    const declined = nominationDeclinedMail(
      { email: 'b@example.org', name: 'Budi' },
      { boardName: 'Board B', self: false, nomineeName: 'Eve https://evil.example', reason: 'No.' },
      link,
    );
    expect(declined.text).not.toContain('evil');
    const invitation = sessionInvitationMail(
      { email: 'c@example.org', name: 'Citra' },
      { boardName: 'B', sessionTitle: 'Title\r\n\r\nFake paragraph', startsAt: new Date() },
      link,
    );
    expect(invitation.subject).toBe('Invitation: Title Fake paragraph');
  });

  it("is written in the recipient's language", () => {
    const mail = sessionInvitationMail(
      { email: 'c@example.org', name: 'Sokha', locale: 'km' },
      { boardName: 'B', sessionTitle: 'S', startsAt: new Date('2026-03-04T05:06:07Z') },
      link,
    );
    expect(mail.text).not.toContain('You are invited');
    expect(mail.text).toMatch(/[\u1780-\u17FF]/);
  });
});
