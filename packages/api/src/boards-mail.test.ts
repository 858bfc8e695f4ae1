// The boards' mails moved from the router to mail/boards-templates.ts unchanged: each template gives exactly the mail
// the router used to build (the expected texts below are the router's former expressions, with sample values).
import { describe, expect, it } from 'vitest';
import { boardSeatMail, nominationDeclinedMail, sessionInvitationMail } from './mail/boards-templates';

const signature = '\n\n— Musyawarah, the ASEAN Responsible AI Roadmap consultation platform';
const link = 'https://musyawarah.example/boards/mine';

describe('boards mail templates', () => {
  it('seat after an accepted application or nomination', () => {
    for (const self of [true, false]) {
      const name = 'Youth advisory board';
      expect(boardSeatMail({ email: 'a@example.org', name: 'Ana' }, { boardName: name, self, termStartsOn: '2026-01-01', termEndsOn: '2027-12-31' }, link)).toEqual({
        to: 'a@example.org',
        subject: `You have a seat on ${name}`,
        text:
          `Hello Ana,\n\nThe ASEAN Secretariat has accepted ${self ? 'your application' : 'your nomination'} to ${name}. ` +
          `Your term runs from 2026-01-01 to 2027-12-31.\n\nSee the board and its sessions under "My boards": ${link}` +
          `\n\nPlease review your seat there: whether you agree to be listed publicly, and your conflict-of-interest declaration.${signature}`,
      });
    }
  });

  it('declined application or nomination, with the reason', () => {
    for (const self of [true, false]) {
      expect(
        nominationDeclinedMail({ email: 'b@example.org', name: 'Budi' }, { boardName: 'Board B', self, nomineeName: 'Citra', reason: 'Seats are full.' }, link),
      ).toEqual({
        to: 'b@example.org',
        subject: `About your ${self ? 'application' : 'nomination'} to Board B`,
        text:
          `Hello Budi,\n\nThe ASEAN Secretariat has decided not to accept ${self ? 'your application' : 'your nomination of Citra'} ` +
          `to Board B.\n\nThe reason given:\nSeats are full.\n\nYou can read it again under "My boards": ${link}${signature}`,
      });
    }
  });

  it('invitation to a session, its start in UTC to the minute', () => {
    expect(
      sessionInvitationMail(
        { email: 'c@example.org', name: 'Citra' },
        { boardName: 'Board C', sessionTitle: 'Inaugural session', startsAt: new Date('2026-03-04T05:06:07.890Z') },
        `${link}/sessions/1`,
      ),
    ).toEqual({
      to: 'c@example.org',
      subject: 'Invitation: Inaugural session',
      text:
        `Hello Citra,\n\nYou are invited to a session of Board C: "Inaugural session", ` +
        `starting 2026-03-04 05:06 UTC.\n\nPlease reply and tell us what support you need: ${link}/sessions/1${signature}`,
    });
  });
});
