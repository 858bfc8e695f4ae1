import { initTRPC, TRPCError } from '@trpc/server';
import { isCrossSiteRequest } from '@musyawarah/auth';
import { ZodError } from 'zod';
import type { Context } from './context';
import { FieldError, isDatabaseUnavailable, isRefusedValue, refusedValue, ThrottledError } from './errors';

function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    (fields[path] ??= []).push(issue.message);
  }
  return fields;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      return {
        ...shape,
        message: 'validation.failed',
        data: { ...shape.data, stack: undefined, fieldErrors: zodFieldErrors(cause) },
      };
    }
    if (error instanceof FieldError) {
      return { ...shape, data: { ...shape.data, stack: undefined, fieldErrors: error.fieldErrors } };
    }
    if (error instanceof ThrottledError) {
      return {
        ...shape,
        data: { ...shape.data, stack: undefined, retryAfterSeconds: error.retryAfterSeconds },
      };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Internals never leave the server; the request id in the log ties the report to the stack trace.
      return { ...shape, message: 'errors.internal', data: { ...shape.data, stack: undefined } };
    }
    return { ...shape, data: { ...shape.data, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Every procedure starts here. Mutations from another site are refused before anything else runs. A database that
 * cannot be reached is reported as 503 with a message people can act on ("try again shortly"), not as an internal
 * error: load balancers and clients treat 503 as retryable. One middleware, not two: tRPC copies its options twice
 * for each middleware a call passes through, a measurable share of a submission's CPU (bench/README.md).
 */
const baseProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  if (type === 'mutation') {
    const crossSite = isCrossSiteRequest(
      {
        method: 'POST',
        origin: ctx.request.origin,
        secFetchSite: ctx.request.secFetchSite,
        host: ctx.request.host,
      },
      ctx.config.trustedOrigins,
    );
    if (crossSite) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.crossSite' });
  }
  const result = await next();
  if (
    !result.ok &&
    result.error.code === 'INTERNAL_SERVER_ERROR' &&
    isDatabaseUnavailable(result.error.cause)
  ) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'errors.unavailable',
      cause: result.error.cause,
    });
  }
  // A value the database cannot store (NUL in text, out of range) is the request's fault: 400, not an internal error.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && isRefusedValue(result.error.cause))
    throw refusedValue(result.error.cause);
  return result;
});

export const publicProcedure = baseProcedure;

export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' });
  // tRPC merges what `next` is given into the context (and narrows its type): spreading the whole context here too
  // copied every service once more per request, for nothing.
  return next({ ctx: { user: ctx.user, session: ctx.session } });
});

export const secretariatProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'secretariat')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  return next();
});

/** A member-state representative acts for exactly one Member State; `ctx.memberState` is that state. */
export const memberStateProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'member_state' || !ctx.user.member_state_code) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  }
  return next({ ctx: { memberState: ctx.user.member_state_code } });
});

/**
 * A participant: a signed-in stakeholder (civil society, industry, academia, board members). Representatives and the
 * Secretariat have their own procedures; this one is for what only a participant's own home shows.
 */
export const participantProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'stakeholder')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  return next();
});

/** Audit context for the signed-in actor (or nobody) of this request. */
export function auditContext(ctx: Context) {
  return {
    actorUserId: ctx.user?.id ?? null,
    requestId: ctx.request.requestId,
    ipAddress: ctx.request.ipAddress,
  };
}
