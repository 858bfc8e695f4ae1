// The thread that renders report PDFs (see render-off-thread.ts): one document in, its bytes out.
import { parentPort } from 'node:worker_threads';
import type { ReportDocument } from './document';
import { renderReportPdf } from './render-pdf';

const port = parentPort;
if (port)
  port.on('message', (message: { id: number; document: ReportDocument }) => {
    // A document the renderer cannot draw throws synchronously: answered as a failure, the thread stays.
    Promise.resolve()
      .then(() => renderReportPdf(message.document))
      .then(
        (pdf) => {
          // A copy of its own, so that its memory can be handed over rather than copied again.
          const bytes = new Uint8Array(pdf);
          port.postMessage({ id: message.id, ok: true, pdf: bytes }, [bytes.buffer]);
        },
        (error: unknown) =>
          port.postMessage({
            id: message.id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          }),
      );
  });
