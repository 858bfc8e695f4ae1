import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '@musyawarah/core/consultation/documents';
import { listAuditEntries, takeRoundDocumentForDownload } from '@musyawarah/db';
import { createTestApi, rejection, type TestApi } from './test-support';

let api: TestApi;
let secretariat: Awaited<ReturnType<TestApi['signedIn']>>;
beforeAll(async () => {
  api = await createTestApi();
  secretariat = await api.signedIn('secretariat');
});
afterAll(async () => api.close());

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

async function draftRound(opensInHours = -1) {
  return secretariat.caller.rounds.create({
    title: { en: 'Background documents round' },
    description: { en: 'A round with background reading.' },
    format: 'online_consultation',
    audience: 'public',
    languages: ['en', 'km'],
    opensAt: hoursFromNow(opensInHours),
    closesAt: hoursFromNow(48),
  });
}

async function publishedRound() {
  const round = await draftRound();
  await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
  return round;
}

function uploadForm(fields: {
  roundId: string;
  title?: string;
  language?: string;
  file?: { name: string; bytes: Uint8Array; type?: string } | null;
}) {
  const form = new FormData();
  form.set('roundId', fields.roundId);
  if (fields.title !== undefined) form.set('title', fields.title);
  if (fields.language !== undefined) form.set('language', fields.language);
  if (fields.file)
    form.set(
      'file',
      new File([fields.file.bytes], fields.file.name, {
        type: fields.file.type ?? 'application/octet-stream',
      }),
    );
  return form;
}

async function upload(
  roundId: string,
  file = { name: 'Roadmap brief.pdf', bytes: PDF },
  title = 'Roadmap brief',
  language = 'en',
) {
  return secretariat.caller.roundDocuments.upload(uploadForm({ roundId, title, language, file }));
}

describe('uploading background documents', () => {
  it('stores a whitelisted file with the type its bytes show, audited without the bytes', async () => {
    const round = await draftRound();
    // The browser's claimed type is ignored: the served type comes from the content.
    const document = await secretariat.caller.roundDocuments.upload(
      uploadForm({
        roundId: round.id,
        title: '  Ringkasan  ',
        language: 'km',
        file: { name: 'C:\\docs\\ringkasan.pdf', bytes: PDF, type: 'text/html' },
      }),
    );
    expect(document).toMatchObject({
      title: 'Ringkasan',
      language: 'km',
      filename: 'ringkasan.pdf',
      kind: 'pdf',
      sizeBytes: PDF.length,
      downloadCount: 0,
    });
    expect(document.url).toBe(`/files/round-documents/${document.id}/ringkasan.pdf`);
    const stored = await api.db
      .selectFrom('round_document')
      .select(['content_type', 'content'])
      .where('id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(stored.content_type).toBe('application/pdf');
    expect(Buffer.from(stored.content).equals(Buffer.from(PDF))).toBe(true);

    const [audit] = await listAuditEntries(api.db, {
      entityType: 'round_document',
      entityId: document.id,
      limit: 5,
    });
    expect(audit).toMatchObject({ action: 'round.document_upload', actor_user_id: secretariat.user.id });
    const after = (
      typeof audit!.after_value === 'string' ? JSON.parse(audit!.after_value) : audit!.after_value
    ) as Record<string, unknown>;
    expect(after).toMatchObject({ title: 'Ringkasan', size_bytes: PDF.length });
    expect(after).not.toHaveProperty('content');
  });

  it('refuses a disguised, empty, oversized or missing file with a field error on `file`', async () => {
    const round = await draftRound();
    const refusedFor = async (file: { name: string; bytes: Uint8Array } | null) => {
      const error = await rejection(
        secretariat.caller.roundDocuments.upload(
          uploadForm({ roundId: round.id, title: 'T', language: 'en', file }),
        ),
      );
      expect(error.code).toBe('BAD_REQUEST');
      return (error as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors;
    };
    expect(
      await refusedFor({
        name: 'report.pdf',
        bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      }),
    ).toEqual({ file: ['round.documentContent'] });
    expect(await refusedFor({ name: 'page.html', bytes: new TextEncoder().encode('<html></html>') })).toEqual(
      { file: ['round.documentType'] },
    );
    expect(await refusedFor({ name: 'tool.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) })).toEqual({
      file: ['round.documentType'],
    });
    expect(await refusedFor({ name: 'notes.txt', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) })).toEqual({
      file: ['round.documentContent'],
    });
    expect(await refusedFor({ name: 'empty.pdf', bytes: new Uint8Array() })).toEqual({
      file: ['round.documentEmpty'],
    });
    const tooLarge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    tooLarge.set(PDF);
    expect(await refusedFor({ name: 'huge.pdf', bytes: tooLarge })).toEqual({
      file: ['round.documentTooLarge'],
    });
    expect(
      await api.db.selectFrom('round_document').select('id').where('round_id', '=', round.id).execute(),
    ).toEqual([]);

    const missing = await rejection(
      secretariat.caller.roundDocuments.upload(
        uploadForm({ roundId: round.id, title: ' ', language: 'fr', file: null }),
      ),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.cause).toBeDefined();
  });

  it('refuses JSON where a form is expected, and an unknown round', async () => {
    const notAForm = await rejection(secretariat.caller.roundDocuments.upload({ roundId: 'x' } as never));
    expect(notAForm.code).toBe('BAD_REQUEST');
    const unknown = await rejection(upload('00000000-0000-4000-8000-000000000000'));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'round.notFound' });
  });

  it('is for the secretariat only', async () => {
    const round = await draftRound();
    const stakeholder = await api.signedIn('stakeholder');
    const error = await rejection(
      stakeholder.caller.roundDocuments.upload(
        uploadForm({ roundId: round.id, title: 'T', language: 'en', file: { name: 'a.pdf', bytes: PDF } }),
      ),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('listing, downloading and deleting', () => {
  it('lists a round’s documents to the public only once the round is published', async () => {
    // Upcoming, so that it can be unpublished again.
    const round = await draftRound(2);
    const document = await upload(round.id);
    const visitor = await api.call();
    expect((await rejection(visitor.caller.roundDocuments.list({ roundId: round.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await takeRoundDocumentForDownload(api.db, document.id)).toBeUndefined();
    expect(await secretariat.caller.roundDocuments.adminList({ roundId: round.id })).toMatchObject([
      { id: document.id, downloadCount: 0 },
    ]);

    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'publish' });
    const listed = await visitor.caller.roundDocuments.list({ roundId: round.id });
    expect(listed).toEqual([
      expect.objectContaining({ id: document.id, title: 'Roadmap brief', kind: 'pdf', language: 'en' }),
    ]);
    expect(listed[0]).not.toHaveProperty('downloadCount');

    // Unpublishing hides the documents again.
    await secretariat.caller.rounds.transition({ roundId: round.id, action: 'unpublish' });
    expect(await takeRoundDocumentForDownload(api.db, document.id)).toBeUndefined();
    expect((await rejection(visitor.caller.roundDocuments.list({ roundId: round.id }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('counts each download on the document and on today’s round total; the reach adds them up', async () => {
    const round = await publishedRound();
    const brief = await upload(round.id);
    const data = await upload(
      round.id,
      { name: 'targets.csv', bytes: new TextEncoder().encode('group,count\ncivil_society,3\n') },
      'Targets',
    );
    const taken = await takeRoundDocumentForDownload(api.db, brief.id);
    expect(taken).toMatchObject({ filename: 'Roadmap brief.pdf', content_type: 'application/pdf' });
    expect(Buffer.from(taken!.content).equals(Buffer.from(PDF))).toBe(true);
    await takeRoundDocumentForDownload(api.db, brief.id);
    await takeRoundDocumentForDownload(api.db, data.id);

    const reach = await secretariat.caller.roundDocuments.reach({ roundId: round.id });
    expect(reach.byDay).toEqual([{ day: today(), visits: 0, downloads: 3 }]);
    expect(reach.totals).toEqual({ visits: 0, downloads: 3 });
    expect(reach.documents.map((d) => [d.title, d.downloadCount])).toEqual([
      ['Roadmap brief', 2],
      ['Targets', 1],
    ]);
  });

  it('deletes a document (audited); a second delete is not found', async () => {
    const round = await publishedRound();
    const document = await upload(round.id);
    expect(await secretariat.caller.roundDocuments.delete({ documentId: document.id })).toEqual({
      id: document.id,
    });
    expect(await api.call().then(({ caller }) => caller.roundDocuments.list({ roundId: round.id }))).toEqual(
      [],
    );
    expect(await takeRoundDocumentForDownload(api.db, document.id)).toBeUndefined();
    const [audit] = await listAuditEntries(api.db, {
      entityType: 'round_document',
      entityId: document.id,
      limit: 1,
    });
    expect(audit?.action).toBe('round.document_delete');
    expect(
      await rejection(secretariat.caller.roundDocuments.delete({ documentId: document.id })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'round.documentNotFound' });
  });
});

describe('visits', () => {
  const visitFrom = async (ipAddress: string, roundId: string) =>
    (await api.call({ request: { ipAddress } })).caller.roundDocuments.recordVisit({ roundId });

  it('counts a visit to a published round once per address within the window; drafts and unknown rounds not at all', async () => {
    const round = await publishedRound();
    expect(await visitFrom('198.51.100.1', round.id)).toEqual({ counted: true });
    expect(await visitFrom('198.51.100.1', round.id)).toEqual({ counted: false });
    expect(await visitFrom('198.51.100.2', round.id)).toEqual({ counted: true });

    const draft = await draftRound();
    expect(await visitFrom('198.51.100.3', draft.id)).toEqual({ counted: false });
    expect(await visitFrom('198.51.100.3', '00000000-0000-4000-8000-000000000000')).toEqual({
      counted: false,
    });

    expect((await secretariat.caller.roundDocuments.reach({ roundId: round.id })).byDay).toEqual([
      { day: today(), visits: 2, downloads: 0 },
    ]);
    expect((await secretariat.caller.roundDocuments.reach({ roundId: draft.id })).totals).toEqual({
      visits: 0,
      downloads: 0,
    });
  });

  it('refuses a malformed round id as a field error', async () => {
    const error = await rejection(visitFrom('198.51.100.9', 'not-a-uuid'));
    expect(error.code).toBe('BAD_REQUEST');
  });
});
