import type http from 'node:http';
import type { TRPCError } from '@trpc/server';
// tRPC's own error shaping and status mapping, so a direct answer is the handler's answer byte for byte; the parity
// tests in direct-mutations.test.ts compare the two paths and fail if an upgrade changes either.
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import {
  appRouter,
  createCaller,
  requestPreload,
  type ApiServices,
  type Context,
  type RequestPreload,
} from '@musyawarah/api';

/**
 * The mutations of a closing rush — submitting feedback and saving the draft it comes from — answered without tRPC's
 * fetch adapter (issue #16). The adapter turns every Node request into a WHATWG `Request` (headers copied, an
 * `AbortController`, a body stream) and its answer into a `Response` piped back through a `WritableStream`; with
 * their garbage that was about a quarter of the host's CPU per submission. Here the body is read as one buffer and the
 * procedure runs through a server-side caller: the same procedure, middleware (cross-site refusal, authentication,
 * database availability), input schema and context as through the handler, and the same answer.
 *
 * Only the plain forms are taken: `POST /trpc/<procedure>` or `?batch=1` with exactly that one procedure, a JSON
 * body with a `Content-Length` within the handler's limit, no streaming. Anything else is left to the handler
 * untouched; a body read here that is not plain JSON of that form is handed to the handler as it came, so malformed
 * input keeps its one error format.
 */
export const DIRECT_MUTATIONS = new Set(['contributions.submit', 'contributions.saveDraft']);

type ProcedureCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

export interface DirectMutationOptions {
  maxBodySize: number;
  /**
   * The context a procedure gets; `services` when the mutation runs on one connection (onOneConnection), `preload`
   * what its procedure reads first, read with the session (context.ts).
   */
  createContext(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    services?: ApiServices,
    preload?: RequestPreload,
  ): Promise<Context>;
  /** Runs a mutation, from its context to its answer, with services bound to one pooled connection. */
  onOneConnection?: <T>(use: (services: ApiServices) => Promise<T>) => Promise<T>;
  /** tRPC's `onError`, called as the handler calls it. */
  onError(opts: {
    error: TRPCError;
    path: string;
    input: unknown;
    ctx: Context | undefined;
    type: 'mutation';
    req: http.IncomingMessage;
  }): void;
}

function isJsonBody(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/** Streaming answers (httpBatchStreamLink) are the handler's. */
function asksForStream(req: http.IncomingMessage): boolean {
  const trpcAccept = req.headers['trpc-accept'];
  if (trpcAccept !== undefined) return trpcAccept === 'application/jsonl';
  return req.headers.accept?.split(',').some((type) => type.trim() === 'application/jsonl') ?? false;
}

function readBody(req: http.IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    });
    req.once('end', () => {
      ended = true;
      if (received === length) resolve(Buffer.concat(chunks, received).toString('utf8'));
      else reject(new Error('short body'));
    });
    req.once('error', reject);
    // A client that goes away mid-body: 'close' without 'end'. Every request closes, so the error (and its stack
    // trace, a measurable share of a submission's CPU) is made only when the body did not end.
    req.once('close', () => {
      if (!ended) reject(new Error('closed before the body ended'));
    });
  });
}

/** The input tRPC would give the procedure, or `NOT_PLAIN` when the body is something only the handler should judge. */
const NOT_PLAIN = Symbol('not plain');
function plainInput(text: string, batch: boolean): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return NOT_PLAIN;
  }
  if (!batch) return body;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, '0'))
    return NOT_PLAIN;
  return (body as Record<string, unknown>)['0'];
}

/**
 * `take(req)` decides from the request line and headers alone (nothing read yet) whether this path answers; if it
 * does, `answer(req, res, viaHandler)` reads the body and answers — or passes the read body to `viaHandler`.
 */
export function createDirectMutations(options: DirectMutationOptions) {
  const config = appRouter._def._config;

  function take(req: http.IncomingMessage): { path: string; batch: boolean; length: number } | null {
    if (req.method !== 'POST') return null;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = url.slice('/trpc/'.length, q === -1 ? undefined : q);
    if (!DIRECT_MUTATIONS.has(path)) return null;
    const query = q === -1 ? '' : url.slice(q + 1);
    if (query !== '' && query !== 'batch=1') return null;
    if (!isJsonBody(req.headers['content-type']) || asksForStream(req)) return null;
    const declared = req.headers['content-length'];
    const length = declared === undefined ? NaN : Number(declared);
    if (!Number.isSafeInteger(length) || length <= 0 || length > options.maxBodySize) return null;
    return { path, batch: query === 'batch=1', length };
  }

  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    taken: { path: string; batch: boolean; length: number },
    viaHandler: () => void,
  ): Promise<void> {
    let text: string;
    try {
      text = await readBody(req, taken.length);
    } catch {
      // The client went away mid-body: there is nobody to answer.
      if (!res.headersSent) res.destroy();
      return;
    }
    const input = plainInput(text, taken.batch);
    if (input === NOT_PLAIN) {
      // tRPC's node adapter reads a body a middleware has already read from `req.body`.
      (req as http.IncomingMessage & { body?: string }).body = text;
      viaHandler();
      return;
    }
    let ctx: Context | undefined;
    let data: unknown;
    let error: TRPCError | undefined;
    const [group, name] = taken.path.split('.') as [string, string];
    const preload = requestPreload(taken.path, input);
    const run = async (services?: ApiServices) => {
      ctx = await options.createContext(req, res, services, preload);
      data = await (createCaller(ctx) as unknown as ProcedureCaller)[group]![name]!(input);
    };
    try {
      await (options.onOneConnection ? options.onOneConnection(run) : run());
    } catch (cause) {
      error = getTRPCErrorFromUnknown(cause);
      options.onError({ error, path: taken.path, input, ctx, type: 'mutation', req });
    }
    const one = error
      ? { error: getErrorShape({ config, ctx, error, input, path: taken.path, type: 'mutation' }) }
      : { result: { data } };
    const body = Buffer.from(JSON.stringify(transformTRPCResponse(config, taken.batch ? [one] : one)));
    if (res.statusCode === 200) res.statusCode = getHTTPStatusCode(one);
    // As the handler's answer says through the compression middleware, which this path does not need (server.ts).
    res.setHeader('Vary', 'trpc-accept, accept, Accept-Encoding');
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', body.length);
    res.end(body);
  }

  return { take, answer };
}
