import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  deleteAccountInput,
  organisationKindForGroup,
  setLocaleInput,
  updateProfileInput,
} from '@musyawarah/core';
import {
  THROTTLE,
  consumeRateLimit,
  invalidateAllUserSessions,
  invalidateSession,
  listUserSessions,
  serializeBlankSessionCookie,
  verifyPassword,
} from '@musyawarah/auth';
import {
  anonymiseDeletedAccount,
  findOrCreateOrganisation,
  findUserWithOrganisation,
  listAuditEntries,
  listBoardDataOfUser,
  listContributionItems,
  listContributionsOfAuthor,
  listEventRegistrationsOfUser,
  lockRoundForRegistrations,
  findRound,
  updateUser,
  type MailOutbox,
  writeAudit,
  listFollowsOf,
  listNotificationsOf,
  readNotificationPreferences,
} from '@musyawarah/db';
import { FieldError, ThrottledError } from '../errors';
import { auditContext, authedProcedure, router } from '../trpc';
import { toPublicUser } from './serialize';
import { eventOf, fillFromWaitlist } from './shared/consultation';

export const accountRouter = router({
  sessions: authedProcedure.query(async ({ ctx }) => {
    const sessions = await listUserSessions(ctx.db, ctx.user.id);
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.created_at,
      lastUsedAt: s.last_used_at,
      expiresAt: s.expires_at,
      userAgent: s.user_agent,
      ipAddress: s.ip_address,
      current: s.id === ctx.session.id,
    }));
  }),

  revokeSession: authedProcedure
    .input(z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalid' }) }))
    .mutation(async ({ ctx, input }) => {
      const own = await listUserSessions(ctx.db, ctx.user.id);
      // Someone else's session id is answered exactly like an unknown one.
      if (!own.some((s) => s.id === input.sessionId))
        throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' });
      await ctx.db.transaction().execute(async (tx) => {
        await invalidateSession(tx, input.sessionId);
        // The session id is a hash of the token, not the token: safe to keep as the audited entity.
        await writeAudit(tx, auditContext(ctx), {
          action: 'user.revoke_session',
          entityType: 'user_session',
          entityId: input.sessionId,
        });
      });
      if (input.sessionId === ctx.session.id) {
        ctx.request.setCookie(serializeBlankSessionCookie({ secure: ctx.config.secureCookies }));
      }
      return { ok: true as const };
    }),

  updateProfile: authedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.db.transaction().execute(async (tx) => {
      const group = input.stakeholderGroup ?? ctx.user.stakeholder_group;
      const organisationId =
        ctx.user.role === 'stakeholder' && input.organisationName
          ? await findOrCreateOrganisation(tx, {
              name: input.organisationName,
              kind: organisationKindForGroup(group ?? 'other'),
              memberStateCode: input.memberState ?? null,
            })
          : ctx.user.role === 'stakeholder'
            ? null
            : ctx.user.organisation_id;
      const after = await updateUser(tx, ctx.user.id, {
        name: input.name,
        locale: input.locale,
        // A member-state representative's state is set by the secretariat's invitation, never by the representative.
        ...(ctx.user.role === 'stakeholder'
          ? {
              stakeholder_group: group,
              organisation_id: organisationId,
              member_state_code: input.memberState ?? null,
            }
          : {}),
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'user.update_profile',
        entityType: 'user',
        entityId: after.id,
        before: ctx.user,
        after,
      });
      return after;
    });
    const withOrganisation = await findUserWithOrganisation(ctx.db, user.id);
    return { user: toPublicUser(user, withOrganisation?.organisation_name ?? null) };
  }),

  /** The switcher's choice for a signed-in person: their pages and their e-mails follow it from now on. */
  setLocale: authedProcedure.input(setLocaleInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.db.transaction().execute(async (tx) => {
      const after = await updateUser(tx, ctx.user.id, { locale: input.locale });
      await writeAudit(tx, auditContext(ctx), {
        action: 'user.set_locale',
        entityType: 'user',
        entityId: after.id,
        before: { locale: ctx.user.locale },
        after: { locale: after.locale },
      });
      return after;
    });
    const withOrganisation = await findUserWithOrganisation(ctx.db, user.id);
    return { user: toPublicUser(user, withOrganisation?.organisation_name ?? null) };
  }),

  /** Everything the platform holds about the signed-in person, as one JSON document (a right of access). */
  exportData: authedProcedure.query(async ({ ctx }) => {
    const profile = await findUserWithOrganisation(ctx.db, ctx.user.id);
    const sessions = await listUserSessions(ctx.db, ctx.user.id);
    const activity = await listAuditEntries(ctx.db, { actorUserId: ctx.user.id, limit: 10_000 });
    const [contributions, boards, notifications, follows, notificationPreferences] = await Promise.all([
      listContributionsOfAuthor(ctx.db, ctx.user.id),
      listBoardDataOfUser(ctx.db, ctx.user.id),
      listNotificationsOf(ctx.db, ctx.user.id, { limit: 10_000 }),
      listFollowsOf(ctx.db, ctx.user.id),
      readNotificationPreferences(ctx.db, [ctx.user.id]),
    ]);
    const items = await listContributionItems(
      ctx.db,
      contributions.map((c) => c.id),
    );
    return {
      exportedAt: new Date().toISOString(),
      profile: profile && {
        id: profile.id,
        name: profile.name,
        email: profile.email,
        role: profile.role,
        memberState: profile.member_state_code,
        stakeholderGroup: profile.stakeholder_group,
        organisation: profile.organisation_name,
        locale: profile.locale,
        emailConfirmedAt: profile.email_verified_at,
        createdAt: profile.created_at,
      },
      sessions: sessions.map((s) => ({
        createdAt: s.created_at,
        lastUsedAt: s.last_used_at,
        expiresAt: s.expires_at,
        userAgent: s.user_agent,
        ipAddress: s.ip_address,
      })),
      activity: activity.map((a) => ({
        at: a.occurred_at,
        action: a.action,
        entityType: a.entity_type,
        entityId: a.entity_id,
      })),
      contributions: contributions.map((c) => ({
        ...c,
        items: items
          .filter((i) => i.contribution_id === c.id)
          .map((i) => ({ type: i.type, text: i.text, actionId: i.action_id })),
      })),
      advisoryBoards: boards,
      notifications: notifications.map((n) => ({
        event: n.event,
        link: n.link,
        params: n.params,
        createdAt: n.created_at,
        readAt: n.read_at,
      })),
      follows: follows.map((f) => ({
        subjectType: f.subject_type,
        subjectId: f.subject_id,
        since: f.created_at,
      })),
      notificationPreferences: Object.fromEntries(notificationPreferences.get(ctx.user.id) ?? []),
    };
  }),

  /**
   * Deletion anonymises the account instead of dropping rows: contributions and board history stay in the record under
   * "Deleted user", but nothing outside the append-only audit log identifies the person any more
   * (`anonymiseDeletedAccount`); the audit log keeps its rows and shows them pseudonymised (`listAuditEntries`).
   */
  deleteAccount: authedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    if (input.confirmEmail !== ctx.user.email)
      throw new FieldError('BAD_REQUEST', { confirmEmail: ['validation.confirmEmailMismatch'] });
    // Counted before the check, like sign-in: whoever holds a stolen session must not be able to guess the password here.
    const attempts = await consumeRateLimit(ctx.db, {
      key: `password-check:${ctx.user.id}`,
      limit: THROTTLE.maxFailures.account,
      windowMs: THROTTLE.windowMs,
    });
    if (!attempts.allowed) throw new ThrottledError(attempts.retryAfterSeconds);
    const passwordOk = ctx.user.password_hash
      ? await verifyPassword(ctx.user.password_hash, input.password)
      : false;
    if (!passwordOk) throw new FieldError('BAD_REQUEST', { password: ['validation.passwordIncorrect'] });
    const queued: MailOutbox[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      // A place the person held goes to the first one waiting, as when they cancel (until the event starts). The rounds
      // are locked before the registrations change, in the order every cancellation takes them, so none can deadlock.
      const heldPlaces = (await listEventRegistrationsOfUser(tx, ctx.user.id)).filter(
        (r) => r.status === 'registered',
      );
      const roundIds = [...new Set(heldPlaces.map((r) => r.round_id))].sort();
      for (const roundId of roundIds) await lockRoundForRegistrations(tx, roundId);
      const anonymised = await anonymiseDeletedAccount(tx, ctx.user);
      for (const roundId of roundIds) {
        const round = await findRound(tx, roundId);
        const event = round ? eventOf(round) : null;
        if (round && event && new Date(event.startsAt) > new Date())
          queued.push(...(await fillFromWaitlist(ctx, tx, round, event)));
      }
      await invalidateAllUserSessions(tx, ctx.user.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'user.delete',
        entityType: 'user',
        entityId: ctx.user.id,
        before: { id: ctx.user.id, role: ctx.user.role, status: ctx.user.status },
        after: { id: ctx.user.id, role: ctx.user.role, status: 'deleted', ...anonymised },
      });
    });
    await ctx.mailer.deliver(ctx.db, queued);
    ctx.request.setCookie(serializeBlankSessionCookie({ secure: ctx.config.secureCookies }));
    return { ok: true as const };
  }),
});
