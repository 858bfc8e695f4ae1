import { describe, expect, it } from 'vitest';
import { invitationStatus } from './pages/Invitations';
import { safeNext } from './session';

describe('invitationStatus', () => {
  const base = { acceptedAt: null, revokedAt: null, expired: false };
  it('orders accepted, revoked, expired, pending', () => {
    expect(invitationStatus({ ...base, acceptedAt: '2026-01-01', expired: true })).toBe('accepted');
    expect(invitationStatus({ ...base, revokedAt: '2026-01-01', expired: true })).toBe('revoked');
    expect(invitationStatus({ ...base, expired: true })).toBe('expired');
    expect(invitationStatus(base)).toBe('pending');
  });
});

describe('safeNext', () => {
  it('only follows same-site paths', () => {
    expect(safeNext('/users?role=member_state')).toBe('/users?role=member_state');
    expect(safeNext('//evil.example')).toBe('/');
  });
});
