import { describe, expect, it } from 'vitest';
import {
  checkDocument,
  documentFieldsInput,
  documentKindOfContentType,
  MAX_DOCUMENT_BYTES,
  safeDocumentFilename,
} from './documents';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const pdf = bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj');
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const zipHeader = [
  0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0,
];
const docx = bytes(zipHeader, '[Content_Types].xml...word/document.xml');
const xlsx = bytes(zipHeader, '[Content_Types].xml...xl/workbook.xml');
const pptx = bytes(zipHeader, '[Content_Types].xml...ppt/presentation.xml');
const odt = bytes(zipHeader, 'mimetypeapplication/vnd.oasis.opendocument.text');
const check = (name: string, content: Uint8Array) => checkDocument({ name, size: content.length }, content);

describe('checkDocument', () => {
  it('accepts every whitelisted kind when the content matches its extension', () => {
    expect(check('Roadmap.pdf', pdf)).toEqual({ ok: true, kind: 'pdf', contentType: 'application/pdf' });
    expect(check('map.PNG', png)).toMatchObject({ ok: true, kind: 'png' });
    expect(check('photo.jpg', jpeg)).toMatchObject({ ok: true, kind: 'jpeg' });
    expect(check('photo.jpeg', jpeg)).toMatchObject({ ok: true, kind: 'jpeg' });
    expect(check('brief.docx', docx)).toMatchObject({ ok: true, kind: 'docx' });
    expect(check('data.xlsx', xlsx)).toMatchObject({ ok: true, kind: 'xlsx' });
    expect(check('slides.pptx', pptx)).toMatchObject({ ok: true, kind: 'pptx' });
    expect(check('brief.odt', odt)).toMatchObject({ ok: true, kind: 'odt' });
    expect(check('notes.txt', bytes('Ringkasan konsultasi\nສະຫຼຸບ\r\n\ttab'))).toMatchObject({
      ok: true,
      kind: 'txt',
      contentType: 'text/plain; charset=utf-8',
    });
    expect(check('targets.csv', bytes('group,state\ncivil_society,ID\n'))).toMatchObject({
      ok: true,
      kind: 'csv',
    });
  });

  it('refuses a file whose bytes are not what its extension claims', () => {
    expect(check('renamed.pdf', png)).toEqual({ ok: false, reason: 'round.documentContent' });
    expect(check('page.pdf', bytes('<html><script>alert(1)</script>'))).toEqual({
      ok: false,
      reason: 'round.documentContent',
    });
    expect(check('archive.docx', bytes(zipHeader, 'payload.exe'))).toEqual({
      ok: false,
      reason: 'round.documentContent',
    });
    expect(check('sheet.docx', xlsx)).toEqual({ ok: false, reason: 'round.documentContent' });
    expect(check('doc.odt', docx)).toEqual({ ok: false, reason: 'round.documentContent' });
    expect(check('binary.txt', bytes('MZ', [0x90, 0x00, 0x03]))).toEqual({
      ok: false,
      reason: 'round.documentContent',
    });
    expect(check('latin1.csv', bytes([0x63, 0x61, 0x66, 0xe9]))).toEqual({
      ok: false,
      reason: 'round.documentContent',
    });
  });

  it('refuses extensions outside the whitelist, and names without one', () => {
    for (const name of [
      'page.html',
      'image.svg',
      'setup.exe',
      'script.js',
      'pdf',
      'README',
      '.pdf',
      'x.pdf.exe',
    ]) {
      expect(check(name, pdf), name).toEqual({ ok: false, reason: 'round.documentType' });
    }
  });

  it('refuses an empty file and one byte over the limit; accepts exactly the limit', () => {
    expect(checkDocument({ name: 'a.pdf', size: 0 }, new Uint8Array())).toEqual({
      ok: false,
      reason: 'round.documentEmpty',
    });
    expect(checkDocument({ name: 'a.pdf', size: MAX_DOCUMENT_BYTES + 1 })).toEqual({
      ok: false,
      reason: 'round.documentTooLarge',
    });
    expect(checkDocument({ name: 'a.pdf', size: MAX_DOCUMENT_BYTES })).toMatchObject({
      ok: true,
      kind: 'pdf',
    });
  });

  it('checks size and extension alone when the bytes are not read yet (the upload form)', () => {
    expect(checkDocument({ name: 'a.exe', size: 10 })).toEqual({ ok: false, reason: 'round.documentType' });
    expect(checkDocument({ name: 'a.csv', size: 10 })).toMatchObject({ ok: true, kind: 'csv' });
  });
});

describe('safeDocumentFilename', () => {
  it('drops folders, control and reserved characters', () => {
    expect(safeDocumentFilename('C:\\Users\\me\\Brief "v2".pdf')).toBe('Brief v2.pdf');
    expect(safeDocumentFilename('../../etc/passwd')).toBe('passwd');
    expect(safeDocumentFilename('a\u0000b\r\nc.txt')).toBe('abc.txt');
    expect(safeDocumentFilename('...hidden.pdf')).toBe('hidden.pdf');
    expect(safeDocumentFilename('Ringkasan  Konsultasi.pdf')).toBe('Ringkasan Konsultasi.pdf');
    expect(safeDocumentFilename('สรุป.pdf')).toBe('สรุป.pdf');
  });

  it('is never empty and keeps the extension when shortening a long name', () => {
    expect(safeDocumentFilename('///')).toBe('document');
    expect(safeDocumentFilename('')).toBe('document');
    const long = safeDocumentFilename(`${'x'.repeat(400)}.docx`);
    expect(long).toHaveLength(150);
    expect(long.endsWith('.docx')).toBe(true);
    expect(safeDocumentFilename('y'.repeat(150))).toHaveLength(150);
  });
});

describe('documentKindOfContentType and documentFieldsInput', () => {
  it('maps the stored content type back to its kind', () => {
    expect(documentKindOfContentType('application/pdf')).toBe('pdf');
    expect(documentKindOfContentType('text/html')).toBeNull();
  });

  it('requires a title and a platform language', () => {
    const roundId = '7d1c6a39-7f4e-4a4f-9d7c-2a0b4c1e9f10';
    expect(documentFieldsInput.safeParse({ roundId, title: '  Brief ', language: 'km' }).data).toEqual({
      roundId,
      title: 'Brief',
      language: 'km',
    });
    const bad = documentFieldsInput.safeParse({ roundId, title: '   ', language: 'fr' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['title', 'validation.required'],
      ['language', 'validation.invalidOption'],
    ]);
  });
});
