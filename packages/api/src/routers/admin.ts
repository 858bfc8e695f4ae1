import { z } from 'zod';
import { listAuditEntries, listOutboxMail } from '@musyawarah/db';
import { router, secretariatProcedure } from '../trpc';
import { retryMail } from './jobs';

export const mailRouter = router({
  outbox: secretariatProcedure
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(500).default(100),
          toAddress: z.string().trim().max(254).optional(),
          failedOnly: z.boolean().optional(),
        })
        .default({ limit: 100 }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listOutboxMail(ctx.db, {
        limit: input.limit,
        toAddress: input.toAddress,
        failedOnly: input.failedOnly,
      });
      return rows.map((m) => ({
        id: m.id,
        toAddress: m.to_address,
        subject: m.subject,
        textBody: m.text_body,
        transport: m.transport,
        createdAt: m.created_at,
        sentAt: m.sent_at,
        error: m.error,
        status: m.status,
        attempts: m.attempts,
        lastAttemptAt: m.last_attempt_at,
        jobId: m.job_id,
        nextAttemptAt:
          m.status === 'failed' || m.status === 'queued' || m.status === 'retried' ? m.job_run_at : null,
      }));
    }),
  retry: retryMail,
});

export const auditRouter = router({
  list: secretariatProcedure
    .input(
      z
        .object({
          entityType: z.string().trim().max(100).optional(),
          entityId: z.string().trim().max(100).optional(),
          limit: z.number().int().min(1).max(1000).default(200),
        })
        .default({ limit: 200 }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listAuditEntries(ctx.db, input);
      return rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before_value,
        after: r.after_value,
        requestId: r.request_id,
      }));
    }),
});
