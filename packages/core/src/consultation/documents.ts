import { z } from 'zod';
import { LANGUAGES } from '../domain';

/*
 * Background documents attached to a consultation round (Roadmap C3.2.1: "knowledge sharing — resources accessed,
 * downloads"). Catalogue-free, so the apps import it by subpath (`@musyawarah/core/consultation/documents`).
 */

/** The largest background document accepted; they are stored in the database, so they stay small. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'txt', 'csv', 'png', 'jpeg'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What each accepted kind is called on disk and served as. Nothing else is accepted. */
export const DOCUMENT_TYPES: Record<DocumentKind, { extensions: readonly string[]; contentType: string }> = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf' },
  docx: {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  pptx: {
    extensions: ['pptx'],
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  odt: { extensions: ['odt'], contentType: 'application/vnd.oasis.opendocument.text' },
  txt: { extensions: ['txt'], contentType: 'text/plain; charset=utf-8' },
  csv: { extensions: ['csv'], contentType: 'text/csv; charset=utf-8' },
  png: { extensions: ['png'], contentType: 'image/png' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
};

/** The `accept` attribute of a file input offering exactly the accepted kinds. */
export const DOCUMENT_ACCEPT = DOCUMENT_KINDS.flatMap((kind) =>
  DOCUMENT_TYPES[kind].extensions.map((ext) => `.${ext}`),
).join(',');

export function documentKindOfContentType(contentType: string): DocumentKind | null {
  return DOCUMENT_KINDS.find((kind) => DOCUMENT_TYPES[kind].contentType === contentType) ?? null;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Whether `needle` occurs anywhere in `bytes` (zip entry names sit in local headers and the central directory). */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const pattern = ascii(needle);
  const first = pattern[0];
  outer: for (
    let i = bytes.indexOf(first!);
    i !== -1 && i <= bytes.length - pattern.length;
    i = bytes.indexOf(first!, i + 1)
  ) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are what the extension claims: a renamed executable or HTML page is not a "PDF". */
function contentMatches(kind: DocumentKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case 'pdf':
      return startsWith(bytes, ascii('%PDF-'));
    case 'png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'docx':
      return (
        startsWith(bytes, ZIP) && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, 'word/')
      );
    case 'xlsx':
      return (
        startsWith(bytes, ZIP) && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, 'xl/')
      );
    case 'pptx':
      return (
        startsWith(bytes, ZIP) && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, 'ppt/')
      );
    case 'odt':
      // OpenDocument puts an uncompressed `mimetype` entry first, so its value sits at a fixed place after the header.
      return (
        startsWith(bytes, ZIP) &&
        startsWith(bytes, ascii('mimetypeapplication/vnd.oasis.opendocument.text'), 30)
      );
    case 'txt':
    case 'csv':
      return isPlainText(bytes);
  }
}

/** UTF-8 without NUL or other C0 controls except tab, newline, carriage return and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

export type DocumentCheck =
  | { ok: true; kind: DocumentKind; contentType: string }
  | {
      ok: false;
      reason:
        'round.documentEmpty' | 'round.documentTooLarge' | 'round.documentType' | 'round.documentContent';
    };

/**
 * Whether a file may be attached to a round: not empty, at most MAX_DOCUMENT_BYTES, an accepted extension
 * (`round.documentType`), and content whose leading bytes (magic numbers) match that extension (`round.documentContent`). The content type served later is ours, never the uploader's.
 */
export function checkDocument(file: { name: string; size: number }, bytes?: Uint8Array): DocumentCheck {
  if (file.size === 0) return { ok: false, reason: 'round.documentEmpty' };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'round.documentTooLarge' };
  const extension = extensionOf(file.name);
  const kind = DOCUMENT_KINDS.find((k) => DOCUMENT_TYPES[k].extensions.includes(extension));
  if (!kind) return { ok: false, reason: 'round.documentType' };
  if (bytes && !contentMatches(kind, bytes)) return { ok: false, reason: 'round.documentContent' };
  return { ok: true, kind, contentType: DOCUMENT_TYPES[kind].contentType };
}

/**
 * The name a document is stored and offered under: no folders, no control or path characters, at most 150 characters
 * (keeping the extension), never empty.
 */
export function safeDocumentFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned.length <= 150) return cleaned || 'document';
  const extension = extensionOf(cleaned);
  const suffix = extension && extension.length <= 10 ? `.${extension}` : '';
  const stem = cleaned.slice(0, cleaned.length - suffix.length);
  return `${Array.from(stem)
    .slice(0, 150 - suffix.length)
    .join('')}${suffix}`;
}

/** The text fields of an upload (the file itself is checked by `checkDocument`). */
export const documentFieldsInput = z.object({
  roundId: z.uuid({ error: 'validation.invalid' }),
  title: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(300, { error: 'validation.tooLong' }),
  language: z.enum(LANGUAGES, { error: 'validation.invalidOption' }),
});
export type DocumentFields = z.infer<typeof documentFieldsInput>;
