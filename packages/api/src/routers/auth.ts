import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  acceptInvitationInput,
  completePasswordResetInput,
  confirmEmailInput,
  linkTokenField,
  organisationKindForGroup,
  registerInput,
  requestPasswordResetInput,
  resendConfirmationInput,
  signInInput,
} from '@musyawarah/core';
import {
  checkLoginThrottle,
  clearLoginFailures,
  consumeEmailToken,
  createEmailToken,
  createSession,
  hashPassword,
  invalidateAllUserSessions,
  invalidateSession,
  peekEmailToken,
  recordLoginFailure,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  throttleKeys,
  verifyPassword,
  verifyPasswordAgainstDummy,
  type EmailTokenCheck,
} from '@musyawarah/auth';
import {
  findOpenInvitationForUser,
  findOrCreateOrganisation,
  findUserByEmail,
  findUserById,
  findUserWithOrganisation,
  insertUser,
  updateUser,
  writeAudit,
  type MailOutbox,
  type UserAccount,
} from '@musyawarah/db';
import { alreadyRegisteredMail, confirmEmailMail, passwordResetMail } from '../mail/templates';
import type { Context } from '../context';
import { ThrottledError } from '../errors';
import { auditContext, authedProcedure, publicProcedure, router } from '../trpc';
import { toPublicUser } from './serialize';

function linkError(check: Exclude<EmailTokenCheck, { ok: true }>): TRPCError {
  const message = check.reason === 'expired' ? 'auth.linkExpired' : check.reason === 'used' ? 'auth.linkUsed' : 'auth.linkInvalid';
  return new TRPCError({ code: 'BAD_REQUEST', message });
}

export function link(ctx: Context, path: string, token?: string): string {
  const url = new URL(path, ctx.config.publicUrl);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

async function startSession(ctx: Context, user: UserAccount) {
  const { token, session } = await createSession(ctx.db, user.id, {
    userAgent: ctx.request.userAgent,
    ipAddress: ctx.request.ipAddress,
  });
  ctx.request.setCookie(serializeSessionCookie(token, session.expires_at, { secure: ctx.config.secureCookies }));
  const withOrganisation = await findUserWithOrganisation(ctx.db, user.id);
  return toPublicUser(user, withOrganisation?.organisation_name ?? null);
}

export const authRouter = router({
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    const withOrganisation = await findUserWithOrganisation(ctx.db, ctx.user.id);
    return toPublicUser(ctx.user, withOrganisation?.organisation_name ?? null);
  }),

  /**
   * Always answers the same, whether or not the address has an account, so registration cannot be used to find out
   * who takes part. The owner of an existing address is told by e-mail instead.
   */
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      const existing = await findUserByEmail(tx, input.email);
      if (existing && existing.status === 'active') {
        queued.push(await ctx.mailer.queue(tx, alreadyRegisteredMail(existing, link(ctx, '/sign-in'), link(ctx, '/forgot-password'))));
        return;
      }
      if (existing && existing.role !== 'stakeholder') {
        // An invited account waiting for its invitee: registering must not take it over.
        return;
      }
      const organisationId = input.organisationName
        ? await findOrCreateOrganisation(tx, {
            name: input.organisationName,
            kind: organisationKindForGroup(input.stakeholderGroup),
            memberStateCode: input.memberState ?? null,
          })
        : null;
      const details = {
        name: input.name,
        stakeholder_group: input.stakeholderGroup,
        organisation_id: organisationId,
        member_state_code: input.memberState ?? null,
        password_hash: passwordHash,
        locale: input.locale,
        privacy_consent_at: new Date(),
      };
      const user = existing
        ? await updateUser(tx, existing.id, details)
        : await insertUser(tx, {
            email: input.email,
            name: input.name,
            role: 'stakeholder',
            stakeholderGroup: input.stakeholderGroup,
            organisationId,
            memberStateCode: input.memberState ?? null,
            passwordHash,
            locale: input.locale,
            privacyConsentAt: new Date(),
          });
      await writeAudit(tx, auditContext(ctx), {
        action: existing ? 'user.register_again' : 'user.register',
        entityType: 'user',
        entityId: user.id,
        before: existing ?? undefined,
        after: user,
      });
      const token = await createEmailToken(tx, user.id, 'confirm_email');
      queued.push(await ctx.mailer.queue(tx, confirmEmailMail(user, link(ctx, '/confirm-email', token))));
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  confirmEmail: publicProcedure.input(confirmEmailInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.db.transaction().execute(async (tx) => {
      const check = await consumeEmailToken(tx, input.token, 'confirm_email');
      if (!check.ok) throw linkError(check);
      const before = await findUserById(tx, check.userId);
      if (!before || before.status === 'deleted') throw linkError({ ok: false, reason: 'invalid' });
      const after = await updateUser(tx, before.id, { status: 'active', email_verified_at: new Date() });
      await writeAudit(tx, auditContext(ctx), { action: 'user.confirm_email', entityType: 'user', entityId: after.id, before, after });
      return after;
    });
    return { user: await startSession(ctx, user) };
  }),

  resendConfirmation: publicProcedure.input(resendConfirmationInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, input.email);
      if (!user || user.status !== 'pending_verification' || user.role !== 'stakeholder') return;
      const token = await createEmailToken(tx, user.id, 'confirm_email');
      queued.push(await ctx.mailer.queue(tx, confirmEmailMail(user, link(ctx, '/confirm-email', token))));
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  signIn: publicProcedure
    .input(signInInput.extend({ requiredRole: z.enum(['secretariat']).optional() }))
    .mutation(async ({ ctx, input }) => {
      const keys = throttleKeys(input.email, ctx.request.ipAddress);
      const throttle = await checkLoginThrottle(ctx.db, keys);
      if (!throttle.allowed) throw new ThrottledError(throttle.retryAfterSeconds);

      const user = await findUserByEmail(ctx.db, input.email);
      const passwordOk =
        user && user.password_hash && user.status !== 'deleted'
          ? await verifyPassword(user.password_hash, input.password)
          : await verifyPasswordAgainstDummy(input.password);
      if (!user || !passwordOk) {
        await recordLoginFailure(ctx.db, keys);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.invalidCredentials' });
      }
      // Only someone who knows the password learns that the address is unconfirmed or not a secretariat account.
      if (user.status === 'pending_verification') {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.emailNotConfirmed' });
      }
      if (input.requiredRole && user.role !== input.requiredRole) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.notSecretariat' });
      }
      await clearLoginFailures(ctx.db, keys);
      const publicUser = await startSession(ctx, user);
      await writeAudit(ctx.db, { ...auditContext(ctx), actorUserId: user.id }, { action: 'user.sign_in', entityType: 'user', entityId: user.id });
      return { user: publicUser };
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (tx) => {
      await invalidateSession(tx, ctx.session.id);
      await writeAudit(tx, auditContext(ctx), { action: 'user.sign_out', entityType: 'user', entityId: ctx.user.id });
    });
    ctx.request.setCookie(serializeBlankSessionCookie({ secure: ctx.config.secureCookies }));
    return { ok: true as const };
  }),

  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const ended = await invalidateAllUserSessions(tx, ctx.user.id);
      await writeAudit(tx, auditContext(ctx), { action: 'user.sign_out_everywhere', entityType: 'user', entityId: ctx.user.id, after: { sessionsEnded: ended } });
    });
    ctx.request.setCookie(serializeBlankSessionCookie({ secure: ctx.config.secureCookies }));
    return { ok: true as const };
  }),

  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, input.email);
      // Invited accounts set their first password through the invitation, not a reset.
      if (!user || user.status === 'deleted' || !user.password_hash) return;
      const token = await createEmailToken(tx, user.id, 'password_reset');
      queued.push(await ctx.mailer.queue(tx, passwordResetMail(user, link(ctx, '/reset-password', token))));
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return { ok: true as const };
  }),

  completePasswordReset: publicProcedure.input(completePasswordResetInput).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    await ctx.db.transaction().execute(async (tx) => {
      const check = await consumeEmailToken(tx, input.token, 'password_reset');
      if (!check.ok) throw linkError(check);
      const before = await findUserById(tx, check.userId);
      if (!before || before.status === 'deleted') throw linkError({ ok: false, reason: 'invalid' });
      // The link arrived by e-mail, so it also proves the address: an unconfirmed account becomes active.
      const after = await updateUser(tx, before.id, {
        password_hash: passwordHash,
        status: 'active',
        email_verified_at: before.email_verified_at ?? new Date(),
      });
      // A reset usually means the old password is known to someone else: end every session.
      await invalidateAllUserSessions(tx, before.id);
      await writeAudit(tx, auditContext(ctx), { action: 'user.reset_password', entityType: 'user', entityId: before.id, before, after });
    });
    return { ok: true as const };
  }),

  invitationDetails: publicProcedure.input(z.object({ token: linkTokenField })).query(async ({ ctx, input }) => {
    const check = await peekEmailToken(ctx.db, input.token, 'invitation');
    if (!check.ok) throw linkError(check);
    const invitation = await findOpenInvitationForUser(ctx.db, check.userId);
    if (!invitation) throw linkError({ ok: false, reason: 'invalid' });
    const inviter = invitation.invited_by ? await findUserById(ctx.db, invitation.invited_by) : undefined;
    return {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      memberState: invitation.member_state_code,
      invitedByName: inviter && inviter.status !== 'deleted' ? inviter.name : null,
    };
  }),

  acceptInvitation: publicProcedure.input(acceptInvitationInput).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    const user = await ctx.db.transaction().execute(async (tx) => {
      const check = await consumeEmailToken(tx, input.token, 'invitation');
      if (!check.ok) throw linkError(check);
      const invitation = await findOpenInvitationForUser(tx, check.userId);
      const before = await findUserById(tx, check.userId);
      if (!invitation || !before || before.status === 'deleted') throw linkError({ ok: false, reason: 'invalid' });
      const after = await updateUser(tx, before.id, {
        password_hash: passwordHash,
        status: 'active',
        email_verified_at: new Date(),
        privacy_consent_at: new Date(),
      });
      await tx.updateTable('invitation').set({ accepted_at: new Date() }).where('id', '=', invitation.id).execute();
      await writeAudit(tx, { ...auditContext(ctx), actorUserId: before.id }, { action: 'invitation.accept', entityType: 'invitation', entityId: invitation.id, before: invitation, after: { ...invitation, accepted_at: new Date() } });
      await writeAudit(tx, { ...auditContext(ctx), actorUserId: before.id }, { action: 'user.activate', entityType: 'user', entityId: before.id, before, after });
      return after;
    });
    return { user: await startSession(ctx, user) };
  }),
});
