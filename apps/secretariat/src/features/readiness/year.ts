/** The regional table's year filter, kept in the URL (`/readiness?year=2026`). */
export const FIRST_YEAR = 2024;

export function parseYear(raw: string | null, latest = new Date().getFullYear() + 1): number | undefined {
  if (!raw || !/^\d{4}$/.test(raw.trim())) return undefined;
  const year = Number(raw);
  return year >= FIRST_YEAR && year <= latest ? year : undefined;
}

/** Years offered in the filter: from the first assessment year to next year, newest first. */
export function yearOptions(now = new Date()): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/** Offers a text body as a file download (the export procedures answer with the file's name, type and body). */
export function downloadFile(file: { filename: string; contentType: string; body: string }) {
  const blob = new Blob([file.body], { type: `${file.contentType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
