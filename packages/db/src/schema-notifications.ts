import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | undefined, string>;

/** Values a notification's text is written from (titles are per language: `{ en, km?, … }`). */
export type NotificationParams = Record<string, string | number | Record<string, string> | null>;

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  event: string;
  subject_type: string;
  subject_id: string;
  /** A path in the stakeholder app (`/consultations/…`). */
  link: string;
  params: Json<NotificationParams>;
  dedup_key: string | null;
  /** The e-mail delivery chosen when it was made: `immediately` (mailed with it), `daily`/`weekly` (a digest), `off`. */
  delivery: string;
  digested_at: Timestamp | null;
  read_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface FollowTable {
  user_id: string;
  subject_type: string;
  subject_id: string;
  created_at: CreatedAt;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  delivery: string;
  updated_at: Timestamp;
}

export interface NotificationDigestTable {
  user_id: string;
  period: string;
  sent_at: Timestamp;
}

export interface NotificationSigningKeyTable {
  id: number;
  secret: Uint8Array;
  created_at: CreatedAt;
}

export interface NotificationTables {
  notification: NotificationTable;
  follow: FollowTable;
  notification_preference: NotificationPreferenceTable;
  notification_digest: NotificationDigestTable;
  notification_signing_key: NotificationSigningKeyTable;
}

export type Notification = Selectable<NotificationTable>;
export type Follow = Selectable<FollowTable>;
