import { describe, expect, it } from 'vitest';
import { nominationInput } from '../boards/schemas';
import { inviteUserInput, registerInput, updateProfileInput } from './account';
import { displayNameField, isPlainDisplayName, optionalDisplayNameField } from './fields';

const issue = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);

describe('display names are one line of text without links', () => {
  it('accepts ordinary names from across the region', () => {
    for (const name of [
      'Siti Nurhaliza binti Tarudin',
      'Nguyễn Thị Minh Khai',
      "O'Brien-Santos, Ma. Cristina",
      'ສົມພອນ',
      'Dr. Aung San',
      'Women@Work',
    ]) {
      expect(displayNameField().safeParse(name).success, name).toBe(true);
    }
  });

  it('refuses line breaks, control and invisible formatting characters', () => {
    for (const name of [
      'Bob\n\nClick here',
      'Bob\rSmith',
      'Bob\tSmith',
      'Bob\u0000',
      'Bob\u202Eevil',
      'Bob\u2028Smith',
    ]) {
      expect(issue(displayNameField().safeParse(name)), JSON.stringify(name)).toEqual([
        ':validation.nameSingleLine',
      ]);
    }
  });

  it('refuses links and e-mail addresses', () => {
    for (const name of [
      'Bob https://evil.example',
      'see www.evil.example',
      'mail bob@evil.example',
      'ftp://x',
    ]) {
      expect(issue(displayNameField().safeParse(name)), name).toEqual([':validation.nameNoLinks']);
    }
    expect(isPlainDisplayName('Bob www.evil.example')).toBe(false);
  });

  it('refuses a megabyte-long name as too long at once, without scanning it for links (hostile input hung here)', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(issue(displayNameField().safeParse(huge))).toEqual([':validation.tooLong']);
    expect(issue(optionalDisplayNameField().safeParse(huge))).toEqual([':validation.tooLong']);
    // Within the limit the link check stays linear even on text that almost looks like an address.
    expect(isPlainDisplayName('a@'.repeat(50_000))).toBe(true);
    expect(isPlainDisplayName('x'.repeat(200_000) + '@example.org')).toBe(false);
  });

  it('an optional name may be empty', () => {
    expect(optionalDisplayNameField().parse('  ')).toBeUndefined();
    expect(optionalDisplayNameField().safeParse('Visit https://evil.example').success).toBe(false);
  });

  it("is used by every schema that takes a person's or organisation's name", () => {
    const register = { email: 'a@example.org', stakeholderGroup: 'civil_society', privacyConsent: true };
    expect(
      issue(registerInput.safeParse({ ...register, name: 'Bob\n\nClick https://evil.example' })),
    ).toEqual(['name:validation.nameSingleLine']);
    expect(
      issue(registerInput.safeParse({ ...register, name: 'Bob', organisationName: 'www.evil.example' })),
    ).toEqual(['organisationName:validation.nameNoLinks']);
    expect(
      issue(inviteUserInput.safeParse({ email: 'a@example.org', role: 'secretariat', name: 'Eve\nAdmin' })),
    ).toEqual(['name:validation.nameSingleLine']);
    expect(issue(updateProfileInput.safeParse({ name: 'Bob https://x.example', locale: 'en' }))).toEqual([
      'name:validation.nameNoLinks',
    ]);
    const nomination = nominationInput.safeParse({
      callId: '00000000-0000-4000-8000-000000000000',
      self: false,
      nomineeName: 'Ana\nClick https://evil.example',
      nomineeEmail: 'ana@example.org',
      constituencies: ['youth'],
      motivation: 'She has led youth consultations for years.',
    });
    expect(issue(nomination)).toContain('nomineeName:validation.nameSingleLine');
  });
});
