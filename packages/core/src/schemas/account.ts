import { z } from 'zod';
import { LANGUAGES, MEMBER_STATE_CODES, ROLES, STAKEHOLDER_GROUPS } from '../domain';
import { emailField, nameField, optionalDisplayNameField, PASSWORD_MAX_LENGTH } from './fields';
import { newPasswordField } from './password';

export const memberStateCodeField = z.enum(MEMBER_STATE_CODES, { error: 'validation.memberState' });
export const localeField = z.enum(LANGUAGES, { error: 'validation.locale' });
/** Single-use links carry a 32-character base32 token. */
export const linkTokenField = z
  .string({ error: 'validation.required' })
  .trim()
  .regex(/^[a-z2-7]{32}$/, { error: 'validation.linkInvalid' });

/**
 * No password at registration: whoever confirms the address (and so owns the mailbox) chooses it on the confirmation
 * page, so someone registering a stranger's address cannot keep a password that works once the owner confirms.
 */
export const registerInput = z.object({
  name: nameField,
  email: emailField,
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { error: 'validation.stakeholderGroup' }),
  organisationName: optionalDisplayNameField(200),
  memberState: memberStateCodeField.optional(),
  locale: localeField.default('en'),
  privacyConsent: z.literal(true, { error: 'validation.privacyConsent' }),
});
export type RegisterInput = z.input<typeof registerInput>;

export const signInInput = z.object({
  email: emailField,
  password: z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.input<typeof signInInput>;

export const confirmEmailInput = z.object({ token: linkTokenField, password: newPasswordField });
export const resendConfirmationInput = z.object({ email: emailField });

export const requestPasswordResetInput = z.object({ email: emailField });
export const completePasswordResetInput = z.object({ token: linkTokenField, password: newPasswordField });

/** Only the secretariat invites; member-state accounts must name the one state they act for. */
export const inviteUserInput = z
  .object({
    email: emailField,
    name: nameField,
    role: z.enum(['secretariat', 'member_state'], { error: 'validation.role' }),
    memberState: memberStateCodeField.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'member_state' && !value.memberState) {
      ctx.addIssue({ code: 'custom', path: ['memberState'], message: 'validation.memberStateRequired' });
    }
    if (value.role === 'secretariat' && value.memberState) {
      ctx.addIssue({ code: 'custom', path: ['memberState'], message: 'validation.memberStateNotAllowed' });
    }
  });
export type InviteUserInput = z.input<typeof inviteUserInput>;

export const acceptInvitationInput = z.object({ token: linkTokenField, password: newPasswordField });

export const updateProfileInput = z.object({
  name: nameField,
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { error: 'validation.stakeholderGroup' }).optional(),
  organisationName: optionalDisplayNameField(200),
  memberState: memberStateCodeField.optional(),
  locale: localeField,
});

/** The language chosen in the switcher, saved as the signed-in person's language (it wins on every device). */
export const setLocaleInput = z.object({ locale: localeField });

export const deleteAccountInput = z.object({
  /** Re-typing the e-mail guards against a stray click; the password is re-checked server-side. */
  confirmEmail: emailField,
  password: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }),
});

export const roleField = z.enum(ROLES);
