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
  accountMailLimits,
  consumeEmailToken,
  consumeRateLimits,
  createSession,
  forgiveLoginAttempt,
  generateLinkToken,
  hashPassword,
  invalidateAllUserSessions,
  invalidateSession,
  issueEmailToken,
  peekEmailToken,
  reserveLoginAttempt,
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
  insertOutboxMailIf,
  markInvitationAccepted,
  updateUser,
  upsertPendingRegistration,
  writeAudit,
  type MailOutbox,
  type UserAccount,
} from '@musyawarah/db';
import { alreadyRegisteredMail, confirmEmailMail, passwordResetMail } from '../mail/templates';
import type { Context } from '../context';
import { ThrottledError } from '../errors';
import { auditContext, authedProcedure, publicProcedure, router } from '../trpc';
import { toPublicUser } from './serialize';
import { link } from './shared/links';

// Kept for the boards router's files, which still import `link` from here; everything else imports ./shared/links.
export { link };

function linkError(check: Exclude<EmailTokenCheck, { ok: true }>): TRPCError {
  const message =
    check.reason === 'expired'
      ? 'auth.linkExpired'
      : check.reason === 'used'
        ? 'auth.linkUsed'
        : 'auth.linkInvalid';
  return new TRPCError({ code: 'BAD_REQUEST', message });
}

/**
 * Sends the mail after the response, not before it: with SMTP, sending takes a round trip only when there is a mail,
 * and the answer must take as long for an unknown address as for a known one. The mail is already durable in the
 * outbox (committed with the request); a failed send is recorded on the row by the mailer.
 */
function deliverAfterResponse(ctx: Context, mail: MailOutbox | undefined): void {
  if (!mail) return;
  setImmediate(() => {
    ctx.mailer.deliver(ctx.db, [mail]).catch((error: unknown) => {
      ctx.logger.error({
        msg: 'mail delivery failed',
        mailId: mail.id,
        error: error instanceof Error ? error.message : String(error),
      });
    });
  });
}

/**
 * Account mails anyone can trigger (register, resend the confirmation, reset the password) are limited per target
 * address and per client address (MAIL_THROTTLE). Over the limit the answer is the same neutral success and simply no
 * mail is sent: a TOO_MANY_REQUESTS would be uniform too, but would tell a prober that someone has been asking about
 * this address, and the pages already say "if the address has an account, we have sent…".
 */
async function mayMail(ctx: Context, email: string): Promise<boolean> {
  return (await consumeRateLimits(ctx.db, accountMailLimits(email, ctx.request.ipAddress))).allowed;
}

/**
 * Hashing a password is deliberately expensive, so a link page's form checks the link (one cheap lookup) before it
 * hashes: a made-up or spent link must not make the server do argon2 work for anyone who asks. The link is still used
 * up inside the transaction that does what it allows.
 */
async function hashForLink(
  ctx: Context,
  token: string,
  purpose: 'confirm_email' | 'password_reset' | 'invitation',
  password: string,
) {
  const check = await peekEmailToken(ctx.db, token, purpose);
  if (!check.ok) throw linkError(check);
  return hashPassword(password);
}

async function startSession(ctx: Context, user: UserAccount) {
  const { token, session } = await createSession(ctx.db, user.id, {
    userAgent: ctx.request.userAgent,
    ipAddress: ctx.request.ipAddress,
  });
  ctx.request.setCookie(
    serializeSessionCookie(token, session.expires_at, { secure: ctx.config.secureCookies }),
  );
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
   * who takes part, and does the same work either way (the same statements, no password hashing; item 15 of issue
   * #11). The owner of an existing address is told by e-mail instead. No password is taken here: the person who
   * confirms the address chooses it, so whoever registers a stranger's address gains nothing. Registering an address
   * whose registration is still unconfirmed replaces that registration and its link.
   */
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    if (!(await mayMail(ctx, input.email))) return { ok: true as const };
    const token = generateLinkToken();
    const queued = await ctx.db.transaction().execute(async (tx) => {
      const existing = await findUserByEmail(tx, input.email);
      const organisationId = input.organisationName
        ? await findOrCreateOrganisation(tx, {
            name: input.organisationName,
            kind: organisationKindForGroup(input.stakeholderGroup),
            memberStateCode: input.memberState ?? null,
          })
        : null;
      // Undefined for an active, invited or deleted account: those are left alone.
      const user = await upsertPendingRegistration(tx, {
        email: input.email,
        name: input.name,
        stakeholderGroup: input.stakeholderGroup,
        organisationId,
        memberStateCode: input.memberState ?? null,
        locale: input.locale,
        privacyConsentAt: new Date(),
      });
      const owner = !user && existing?.status === 'active' ? existing : undefined;
      await writeAudit(tx, auditContext(ctx), {
        action: user ? (existing ? 'user.register_again' : 'user.register') : 'user.register_refused',
        entityType: 'user',
        entityId: user?.id ?? existing?.id ?? null,
        before: existing ?? null,
        after: user ?? null,
      });
      await issueEmailToken(tx, user?.id ?? null, 'confirm_email', token);
      const mail = user
        ? confirmEmailMail(user, link(ctx, '/confirm-email', token))
        : alreadyRegisteredMail(
            owner ?? { email: input.email, name: input.name, locale: input.locale },
            link(ctx, '/sign-in'),
            link(ctx, '/forgot-password'),
          );
      return insertOutboxMailIf(tx, ctx.mailer.outboxValues(mail), Boolean(user ?? owner));
    });
    deliverAfterResponse(ctx, queued);
    return { ok: true as const };
  }),

  /** The link proves the mailbox; whoever uses it chooses the password (a password set earlier, by anyone, is replaced). */
  confirmEmail: publicProcedure.input(confirmEmailInput).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashForLink(ctx, input.token, 'confirm_email', input.password);
    const user = await ctx.db.transaction().execute(async (tx) => {
      const check = await consumeEmailToken(tx, input.token, 'confirm_email');
      if (!check.ok) throw linkError(check);
      const before = await findUserById(tx, check.userId);
      if (!before || before.status === 'deleted') throw linkError({ ok: false, reason: 'invalid' });
      const after = await updateUser(tx, before.id, {
        status: 'active',
        email_verified_at: before.email_verified_at ?? new Date(),
        password_hash: passwordHash,
      });
      await invalidateAllUserSessions(tx, before.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'user.confirm_email',
        entityType: 'user',
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
    return { user: await startSession(ctx, user) };
  }),

  /** Same answer and same work for a pending registration, an active account and an unknown address. */
  resendConfirmation: publicProcedure.input(resendConfirmationInput).mutation(async ({ ctx, input }) => {
    if (!(await mayMail(ctx, input.email))) return { ok: true as const };
    const token = generateLinkToken();
    const queued = await ctx.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, input.email);
      const pending =
        user && user.status === 'pending_verification' && user.role === 'stakeholder' ? user : undefined;
      await issueEmailToken(tx, pending?.id ?? null, 'confirm_email', token);
      const mail = confirmEmailMail(
        pending ?? { email: input.email, name: '', locale: ctx.request.locale },
        link(ctx, '/confirm-email', token),
      );
      return insertOutboxMailIf(tx, ctx.mailer.outboxValues(mail), Boolean(pending));
    });
    deliverAfterResponse(ctx, queued);
    return { ok: true as const };
  }),

  signIn: publicProcedure
    .input(signInInput.extend({ requiredRole: z.enum(['secretariat']).optional() }))
    .mutation(async ({ ctx, input }) => {
      const keys = throttleKeys(input.email, ctx.request.ipAddress);
      // Counted before the password is checked, in one statement, so simultaneous guesses cannot all pass the check.
      const throttle = await reserveLoginAttempt(ctx.db, keys);
      if (!throttle.allowed) throw new ThrottledError(throttle.retryAfterSeconds);

      const user = await findUserByEmail(ctx.db, input.email);
      const passwordOk =
        user && user.password_hash && user.status !== 'deleted'
          ? await verifyPassword(user.password_hash, input.password)
          : await verifyPasswordAgainstDummy(input.password);
      if (!user || !passwordOk) {
        // The attempt was counted when it was reserved.
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'auth.invalidCredentials' });
      }
      await forgiveLoginAttempt(ctx.db, keys);
      // Only someone who knows the password learns that the address is unconfirmed or not a secretariat account.
      if (user.status === 'pending_verification') {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.emailNotConfirmed' });
      }
      if (input.requiredRole && user.role !== input.requiredRole) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'auth.notSecretariat' });
      }
      const publicUser = await startSession(ctx, user);
      await writeAudit(
        ctx.db,
        { ...auditContext(ctx), actorUserId: user.id },
        { action: 'user.sign_in', entityType: 'user', entityId: user.id },
      );
      return { user: publicUser };
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (tx) => {
      await invalidateSession(tx, ctx.session.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'user.sign_out',
        entityType: 'user',
        entityId: ctx.user.id,
      });
    });
    ctx.request.setCookie(serializeBlankSessionCookie({ secure: ctx.config.secureCookies }));
    return { ok: true as const };
  }),

  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const ended = await invalidateAllUserSessions(tx, ctx.user.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'user.sign_out_everywhere',
        entityType: 'user',
        entityId: ctx.user.id,
        after: { sessionsEnded: ended },
      });
    });
    ctx.request.setCookie(serializeBlankSessionCookie({ secure: ctx.config.secureCookies }));
    return { ok: true as const };
  }),

  /**
   * Same answer and same work whether or not the address has an account. An unconfirmed registration may use it too
   * (the link proves the mailbox and completing it activates the account); invited accounts set their first password
   * through the invitation.
   */
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    if (!(await mayMail(ctx, input.email))) return { ok: true as const };
    const token = generateLinkToken();
    const queued = await ctx.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, input.email);
      const eligible =
        user &&
        user.status !== 'deleted' &&
        (user.password_hash || (user.status === 'pending_verification' && user.role === 'stakeholder'))
          ? user
          : undefined;
      await issueEmailToken(tx, eligible?.id ?? null, 'password_reset', token);
      const mail = passwordResetMail(
        eligible ?? { email: input.email, name: '', locale: ctx.request.locale },
        link(ctx, '/reset-password', token),
      );
      return insertOutboxMailIf(tx, ctx.mailer.outboxValues(mail), Boolean(eligible));
    });
    deliverAfterResponse(ctx, queued);
    return { ok: true as const };
  }),

  completePasswordReset: publicProcedure
    .input(completePasswordResetInput)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashForLink(ctx, input.token, 'password_reset', input.password);
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
        await writeAudit(tx, auditContext(ctx), {
          action: 'user.reset_password',
          entityType: 'user',
          entityId: before.id,
          before,
          after,
        });
      });
      return { ok: true as const };
    }),

  invitationDetails: publicProcedure
    .input(z.object({ token: linkTokenField }))
    .query(async ({ ctx, input }) => {
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
    const passwordHash = await hashForLink(ctx, input.token, 'invitation', input.password);
    const user = await ctx.db.transaction().execute(async (tx) => {
      const check = await consumeEmailToken(tx, input.token, 'invitation');
      if (!check.ok) throw linkError(check);
      const invitation = await findOpenInvitationForUser(tx, check.userId);
      const before = await findUserById(tx, check.userId);
      if (!invitation || !before || before.status === 'deleted')
        throw linkError({ ok: false, reason: 'invalid' });
      const after = await updateUser(tx, before.id, {
        password_hash: passwordHash,
        status: 'active',
        email_verified_at: new Date(),
        privacy_consent_at: new Date(),
      });
      await markInvitationAccepted(tx, invitation.id);
      await writeAudit(
        tx,
        { ...auditContext(ctx), actorUserId: before.id },
        {
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: invitation.id,
          before: invitation,
          after: { ...invitation, accepted_at: new Date() },
        },
      );
      await writeAudit(
        tx,
        { ...auditContext(ctx), actorUserId: before.id },
        { action: 'user.activate', entityType: 'user', entityId: before.id, before, after },
      );
      return after;
    });
    return { user: await startSession(ctx, user) };
  }),
});
