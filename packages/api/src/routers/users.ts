import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { inviteUserInput, roleField } from '@musyawarah/core';
import { consumeRateLimit, createEmailToken } from '@musyawarah/auth';
import {
  findInvitationById,
  findOpenInvitationId,
  findUserByEmail,
  findUserById,
  insertInvitation,
  insertUser,
  listInvitationExpiries,
  listInvitations,
  listUsers,
  markInvitationRevoked,
  updateUser,
  useUpInvitationTokens,
  writeAudit,
  type Tx,
  type UserAccount,
  type MailOutbox,
} from '@musyawarah/db';
import type { Context } from '../context';
import { FieldError, notFound, ThrottledError } from '../errors';
import { invitationMail } from '../mail/templates';
import { auditContext, router, secretariatProcedure } from '../trpc';
import { link } from './shared/links';

const HOUR_MS = 60 * 60 * 1000;
/**
 * Invitations are mail to addresses the Secretariat types: one invitation is sent again at most 3 times an hour (a
 * double click or an impatient colleague must not flood the invitee), and one Secretariat account sends at most 100
 * invitations an hour (a whole region's representatives fit; a hijacked session cannot use the platform to spam).
 * Counted inside the transaction, after the checks, so a refused request does not use up the allowance.
 */
const INVITATION_LIMITS = { resendsPerInvitation: 3, invitesPerSender: 100, windowMs: HOUR_MS } as const;

async function limitInvitationMail(tx: Tx, key: string, limit: number): Promise<void> {
  const decision = await consumeRateLimit(tx, { key, limit, windowMs: INVITATION_LIMITS.windowMs });
  if (!decision.allowed) throw new ThrottledError(decision.retryAfterSeconds);
}

async function sendInvitation(
  ctx: Context & { user: UserAccount },
  tx: Tx,
  invitee: UserAccount,
  invitation: { role: 'secretariat' | 'member_state'; member_state_code: string | null },
) {
  const token = await createEmailToken(tx, invitee.id, 'invitation');
  return ctx.mailer.queue(
    tx,
    invitationMail(
      invitee,
      {
        invited:
          invitation.role === 'secretariat'
            ? { role: 'secretariat' }
            : { role: 'member_state', memberState: invitation.member_state_code },
        inviterName: ctx.user.name,
      },
      link(ctx, '/accept-invitation', token),
    ),
  );
}

export const usersRouter = router({
  list: secretariatProcedure
    .input(
      z.object({ role: roleField.optional(), search: z.string().trim().max(200).optional() }).default({}),
    )
    .query(async ({ ctx, input }) => {
      const users = await listUsers(ctx.db, { role: input.role, search: input.search });
      return users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        memberState: u.member_state_code,
        stakeholderGroup: u.stakeholder_group,
        organisationName: u.organisation_name,
        status: u.status,
        createdAt: u.created_at,
      }));
    }),

  invite: secretariatProcedure.input(inviteUserInput).mutation(async ({ ctx, input }) => {
    const queued: MailOutbox[] = [];
    const invitation = await ctx.db.transaction().execute(async (tx) => {
      const existing = await findUserByEmail(tx, input.email);
      if (existing && (existing.status !== 'pending_verification' || existing.role === 'stakeholder')) {
        throw new FieldError('CONFLICT', { email: ['validation.emailTaken'] });
      }
      if (existing) {
        const open = await findOpenInvitationId(tx, existing.id);
        if (open) throw new FieldError('CONFLICT', { email: ['validation.alreadyInvited'] });
      }
      await limitInvitationMail(tx, `invitation:sender:${ctx.user.id}`, INVITATION_LIMITS.invitesPerSender);
      const invitee = existing
        ? await updateUser(tx, existing.id, {
            name: input.name,
            role: input.role,
            member_state_code: input.memberState ?? null,
          })
        : await insertUser(tx, {
            email: input.email,
            name: input.name,
            role: input.role,
            memberStateCode: input.memberState ?? null,
            status: 'pending_verification',
          });
      const created = await insertInvitation(tx, {
        email: input.email,
        name: input.name,
        role: input.role,
        memberState: input.memberState ?? null,
        userId: invitee.id,
        invitedBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: created.id,
        after: created,
      });
      queued.push(await sendInvitation(ctx, tx, invitee, created));
      return created;
    });
    await ctx.mailer.deliver(ctx.db, queued);
    return {
      invitation: {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        memberState: invitation.member_state_code,
      },
    };
  }),

  invitations: secretariatProcedure.query(async ({ ctx }) => {
    const invitations = await listInvitations(ctx.db);
    const expiries = await listInvitationExpiries(ctx.db);
    const expiryByUser = new Map(expiries.map((e) => [e.user_id, new Date(e.expires_at)]));
    const now = Date.now();
    return invitations.map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      role: i.role,
      memberState: i.member_state_code,
      invitedByName: i.invited_by_name,
      createdAt: i.created_at,
      acceptedAt: i.accepted_at,
      revokedAt: i.revoked_at,
      expired: !i.accepted_at && !i.revoked_at && (expiryByUser.get(i.user_id)?.getTime() ?? 0) < now,
    }));
  }),

  revokeInvitation: secretariatProcedure
    .input(z.object({ invitationId: z.uuid({ error: 'validation.invalid' }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (tx) => {
        const before = await findInvitationById(tx, input.invitationId);
        if (!before) throw notFound();
        if (before.accepted_at || before.revoked_at)
          throw new TRPCError({ code: 'CONFLICT', message: 'errors.invitationClosed' });
        const after = await markInvitationRevoked(tx, before.id);
        // The link in the e-mail must stop working too.
        await useUpInvitationTokens(tx, before.user_id);
        await writeAudit(tx, auditContext(ctx), {
          action: 'invitation.revoke',
          entityType: 'invitation',
          entityId: before.id,
          before,
          after,
        });
      });
      return { ok: true as const };
    }),

  resendInvitation: secretariatProcedure
    .input(z.object({ invitationId: z.uuid({ error: 'validation.invalid' }) }))
    .mutation(async ({ ctx, input }) => {
      const queued: MailOutbox[] = [];
      await ctx.db.transaction().execute(async (tx) => {
        const invitation = await findInvitationById(tx, input.invitationId);
        if (!invitation) throw notFound();
        if (invitation.accepted_at || invitation.revoked_at)
          throw new TRPCError({ code: 'CONFLICT', message: 'errors.invitationClosed' });
        const invitee = await findUserById(tx, invitation.user_id);
        if (!invitee) throw notFound();
        await limitInvitationMail(
          tx,
          `invitation:resend:${invitation.id}`,
          INVITATION_LIMITS.resendsPerInvitation,
        );
        queued.push(await sendInvitation(ctx, tx, invitee, invitation));
        await writeAudit(tx, auditContext(ctx), {
          action: 'invitation.resend',
          entityType: 'invitation',
          entityId: invitation.id,
        });
      });
      await ctx.mailer.deliver(ctx.db, queued);
      return { ok: true as const };
    }),
});
