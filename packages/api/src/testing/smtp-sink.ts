// A real SMTP server for tests (the `smtp-server` package), whose accepted messages are parsed with `mailparser`.
// Tests can make it refuse (a 4xx or 5xx answer) or hold its answer to DATA, to see retries and crashes.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  headers: ParsedMail['headers'];
}

/** What the server answers to one DATA: accept, refuse with a code, or hold (never answer until the client leaves). */
export type SinkAnswer = 'accept' | 'hold' | { code: number; message: string };

export interface SmtpSink {
  url: string;
  port: number;
  /** Every message accepted, in order (a duplicate appears twice). */
  received: ReceivedMail[];
  /** How many DATA commands were answered with a refusal, and how many are held unanswered now. */
  refusals: number;
  readonly held: number;
  /** Decides each DATA answer; `attempt` counts DATA commands seen so far (1-based). */
  answer: (attempt: number, session: SMTPServerSession) => SinkAnswer;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  let attempts = 0;
  const heldSessions = new Set<string>();
  const waiters: (() => void)[] = [];
  const sink: SmtpSink = {
    url: '',
    port: 0,
    received: [],
    refusals: 0,
    get held() {
      return heldSessions.size;
    },
    answer: () => 'accept',
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`SMTP sink: ${sink.received.length} of ${count} messages after ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return sink.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Held answers keep a connection open; the pool must not find the server full.
    maxClients: 1000,
    onClose(session) {
      heldSessions.delete(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const decision = sink.answer(++attempts, session);
        if (decision === 'hold') {
          // Never answered: the message counts as not delivered, as for a real server whose client vanished.
          heldSessions.add(session.id);
          return;
        }
        if (decision !== 'accept') {
          sink.refusals++;
          const error = new Error(decision.message) as Error & { responseCode: number };
          error.responseCode = decision.code;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]) : [];
            sink.received.push({
              messageId: parsed.messageId ?? '',
              to: to.flatMap((a) => a.value.map((v) => v.address ?? '')).join(','),
              from: parsed.from?.value.map((v) => v.address ?? '').join(',') ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              headers: parsed.headers,
            });
            callback();
            for (const wake of waiters.splice(0)) wake();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}
