import { z } from 'zod';
import {
  checkDocument,
  documentFieldsInput,
  documentKindOfContentType,
  safeDocumentFilename,
} from '@musyawarah/core/consultation/documents';
import {
  deleteRoundDocument,
  findRound,
  insertRoundDocument,
  listRoundDailyStats,
  listRoundDocuments,
  recordRoundVisitOnce,
  writeAudit,
} from '@musyawarah/db';
import { FieldError, notFound } from '../errors';
import { auditContext, publicProcedure, router, secretariatProcedure } from '../trpc';

/** The procedure path the HTTP host routes to its larger body limit (a document is up to 10 MB; everything else 1 MB). */
export const ROUND_DOCUMENT_UPLOAD_PATH = 'roundDocuments.upload';

/** Where a document is downloaded (and counted): a plain GET served by the host, not a tRPC call. */
export function roundDocumentUrl(document: { id: string; filename: string }): string {
  return `/files/round-documents/${document.id}/${encodeURIComponent(document.filename)}`;
}

type DocumentRow = Awaited<ReturnType<typeof listRoundDocuments>>[number];

function presentDocument(d: DocumentRow) {
  return {
    id: d.id,
    roundId: d.round_id,
    title: d.title,
    filename: d.filename,
    language: d.language,
    kind: documentKindOfContentType(d.content_type),
    sizeBytes: d.size_bytes,
    createdAt: d.created_at,
    url: roundDocumentUrl(d),
  };
}

const presentForSecretariat = (d: DocumentRow) => ({
  ...presentDocument(d),
  downloadCount: d.download_count,
});

const roundIdInput = z.object({ roundId: z.uuid({ error: 'validation.invalid' }) });

/** A file part of a multipart body (undici's File and Node's are different classes, so it is recognised by shape). */
type UploadedFile = Blob & { name: string };
const isUploadedFile = (value: unknown): value is UploadedFile =>
  value instanceof Blob && typeof (value as { name?: unknown }).name === 'string';

/**
 * tRPC v11 hands a multipart body to the procedure as FormData; its fields are validated like any JSON input, and JSON
 * sent here (anything but FormData) is refused as a whole with a field error.
 */
const uploadInput = z
  .instanceof(FormData, { error: 'validation.invalid' })
  .transform((form): Record<string, unknown> => ({
    roundId: form.get('roundId') ?? undefined,
    title: form.get('title') ?? undefined,
    language: form.get('language') ?? undefined,
    file: form.get('file') ?? undefined,
  }))
  .pipe(
    documentFieldsInput.extend({
      file: z.custom<UploadedFile>(isUploadedFile, { error: 'round.documentMissing' }),
    }),
  );

export const roundDocumentsRouter = router({
  /** The background documents of a published round, oldest first. */
  list: publicProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    const round = await findRound(ctx.readDb, input.roundId);
    if (!round || !round.published_at) throw notFound('round.notFound');
    return (await listRoundDocuments(ctx.readDb, round.id)).map(presentDocument);
  }),

  /** Every document of any round (drafts too), with its download count. */
  adminList: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    if (!(await findRound(ctx.db, input.roundId))) throw notFound('round.notFound');
    return (await listRoundDocuments(ctx.db, input.roundId)).map(presentForSecretariat);
  }),

  /** Attaches a file (multipart form: roundId, title, language, file). The type is decided from its bytes, not the browser. */
  upload: secretariatProcedure.input(uploadInput).mutation(async ({ ctx, input }) => {
    const filename = safeDocumentFilename(input.file.name);
    const sizeCheck = checkDocument({ name: filename, size: input.file.size });
    if (!sizeCheck.ok) throw new FieldError('BAD_REQUEST', { file: [sizeCheck.reason] });
    const content = new Uint8Array(await input.file.arrayBuffer());
    const check = checkDocument({ name: filename, size: content.byteLength }, content);
    if (!check.ok) throw new FieldError('BAD_REQUEST', { file: [check.reason] });
    return ctx.db.transaction().execute(async (tx) => {
      if (!(await findRound(tx, input.roundId))) throw notFound('round.notFound');
      const document = await insertRoundDocument(tx, {
        roundId: input.roundId,
        title: input.title,
        filename,
        contentType: check.contentType,
        language: input.language,
        content,
        uploadedBy: ctx.user.id,
      });
      await writeAudit(tx, auditContext(ctx), {
        action: 'round.document_upload',
        entityType: 'round_document',
        entityId: document.id,
        after: document,
      });
      return presentForSecretariat(document);
    });
  }),

  delete: secretariatProcedure
    .input(z.object({ documentId: z.uuid({ error: 'validation.invalid' }) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const before = await deleteRoundDocument(tx, input.documentId);
        if (!before) throw notFound('round.documentNotFound');
        await writeAudit(tx, auditContext(ctx), {
          action: 'round.document_delete',
          entityType: 'round_document',
          entityId: before.id,
          before,
        });
        return { id: before.id };
      });
    }),

  /**
   * One visit to a round page (the app reports it once per browser session). Drafts are not counted, nor repeats from
   * one address for one round within the window (30 minutes), so a reload loop cannot inflate the count. Visits are a
   * reach measure, not a security boundary. The repeat is decided in the database, so it holds across every host
   * behind a load balancer.
   */
  recordVisit: publicProcedure.input(roundIdInput).mutation(async ({ ctx, input }) => {
    return {
      counted: await recordRoundVisitOnce(ctx.db, { roundId: input.roundId, address: ctx.request.ipAddress }),
    };
  }),

  /** Reach of a round: visits and downloads per UTC day, downloads per document, and totals. */
  reach: secretariatProcedure.input(roundIdInput).query(async ({ ctx, input }) => {
    if (!(await findRound(ctx.db, input.roundId))) throw notFound('round.notFound');
    const [byDay, documents] = await Promise.all([
      listRoundDailyStats(ctx.db, input.roundId),
      listRoundDocuments(ctx.db, input.roundId),
    ]);
    return {
      byDay,
      documents: documents.map(presentForSecretariat),
      totals: {
        visits: byDay.reduce((sum, d) => sum + d.visits, 0),
        downloads: byDay.reduce((sum, d) => sum + d.downloads, 0),
      },
    };
  }),
});
