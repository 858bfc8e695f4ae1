import { NOTIFICATION_KINDS } from '@musyawarah/core';
import { setNotificationPreference, writeAudit, type Db } from '@musyawarah/db';
import { signingKeyOf, verifyUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token';

/**
 * Applies a one-click unsubscribe: the kind the link names (or, from a digest, every kind) is set to "off" for the
 * person the link was signed for, and audited. No session is needed (RFC 8058: the mail client POSTs without the
 * person). Returns null for a forged, altered or expired token. Repeating it changes nothing further.
 */
export async function applyUnsubscribe(
  db: Db,
  token: string,
  now: Date,
  audit: { requestId: string; ipAddress: string | null },
): Promise<{ scope: UnsubscribeScope } | null> {
  const claim = verifyUnsubscribeToken(await signingKeyOf(db), token, now);
  if (!claim) return null;
  await db.transaction().execute(async (tx) => {
    const kinds = claim.scope === 'all' ? NOTIFICATION_KINDS : [claim.scope];
    for (const kind of kinds) await setNotificationPreference(tx, claim.userId, kind, 'off');
    await writeAudit(
      tx,
      { actorUserId: claim.userId, requestId: audit.requestId, ipAddress: audit.ipAddress },
      {
        action: 'notifications.unsubscribe',
        entityType: 'user_account',
        entityId: claim.userId,
        after: { scope: claim.scope },
      },
    );
  });
  return { scope: claim.scope };
}
