// Laying out a report in 13 scripts is seconds of CPU (fontkit shaping), and the job runner runs in the host's
// process by default: rendered there, a publishing kept every request waiting. The PDF is drawn on a worker thread
// instead; the host only posts the document (plain data) and receives the bytes. Node's own worker_threads rather
// than a pool library: reports are rendered one job at a time per language, so one long-lived thread is enough.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './document';

type Reply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; message: string };

type Waiting = Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>;

/** The thread, with the renderings it owes (a thread that stopped fails its own, not its successor's). */
let current: { worker: Worker; waiting: Waiting } | null = null;
let nextId = 1;

/**
 * The worker: the entry beside the production bundle (apps/api/build.mjs builds it as `report-render-worker.js`), or,
 * where this module is itself TypeScript source (tsx, vitest), a small script that registers tsx's loader in the
 * thread and then imports the TypeScript entry.
 */
function startWorker(): Worker {
  const bundled = new URL('./report-render-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled);
  const require = createRequire(import.meta.url);
  return new Worker(
    `const { workerData } = require('node:worker_threads');
     import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`,
    {
      eval: true,
      workerData: {
        // tsx's ESM API (its CommonJS one cannot be loaded from an eval worker), beside the CommonJS file resolved.
        tsx: pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href,
        entry: new URL('./render-worker.ts', import.meta.url).href,
      },
    },
  );
}

function thread() {
  if (current) return current;
  const started = { worker: startWorker(), waiting: new Map() as Waiting };
  const { worker, waiting } = started;
  worker.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    // An idle thread does not keep the process alive (tests, `pnpm worker` shutting down).
    if (waiting.size === 0) worker.unref();
    if (reply.ok) pending.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else pending.reject(new Error(reply.message));
  });
  const fail = (error: Error) => {
    if (current === started) current = null;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the report rendering thread stopped (exit code ${code})`)));
  current = started;
  return started;
}

/** The report as a tagged PDF, exactly as `renderReportPdf` draws it, drawn on a worker thread. */
export function renderReportPdfOffThread(report: ReportDocument): Promise<Buffer> {
  const { worker, waiting } = thread();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, document: report });
  });
}
