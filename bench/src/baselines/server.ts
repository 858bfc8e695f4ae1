// The baselines: a bare Node `http` server with hand-written SQL over `pg`, no framework, no validation library, no
// logger. It does the same database work as the platform for the same request, so the ratio shows what the stack
// (tRPC, zod, Kysely, context, middleware, logging) costs. Started as its own process, like the API, with the same
// pool size. Routes:
//   POST /submit            session check + round check + the same four inserts in one transaction
//   GET  /catalogue         the catalogue list (in memory, as catalogue.list)
//   GET  /round?id=…        a round page: the same three queries as rounds.get
//   GET  /participation?id= the dashboard aggregates as GROUP BY queries (used by the dashboard row)
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { roundPhase, searchCatalogue } from '@musyawarah/core';
import { PARTICIPATION_SQL } from './sql';

// The API's pool settings (packages/db client.ts). The idle timeout matters: the p99 rows run each side in slices
// with ~10 s between them, and pg's default (10 s) would close this pool's connections in every pause and open them
// again at the start of the next slice — a cost the API, which keeps idle connections 30 s, never paid.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
});
pool.on('error', () => undefined);

function send(res: http.ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function sessionUser(cookie: string | undefined) {
  const token = /musyawarah_session=([a-z2-7]{32})/.exec(cookie ?? '')?.[1];
  if (!token) return null;
  const id = createHash('sha256').update(token).digest('hex');
  const { rows } = await pool.query(
    'select u.id, u.email, u.locale from user_session s join user_account u on u.id = s.user_id where s.id = $1 and s.expires_at > now()',
    [id],
  );
  return (rows[0] as { id: string; email: string; locale: string } | undefined) ?? null;
}

async function submit(req: http.IncomingMessage, res: http.ServerResponse) {
  const user = await sessionUser(req.headers.cookie);
  if (!user) return send(res, 401, { error: 'unauthorized' });
  const input = JSON.parse(await readBody(req)) as {
    roundId: string;
    answers: object;
    stakeholderGroup: string;
    memberState?: string;
    writtenIn: string;
    namedPublicly: boolean;
    items: { type: string; text: string }[];
    idempotencyKey: string;
  };
  const client = await pool.connect();
  try {
    await client.query('begin');
    const round = await client.query(
      'select id, title from consultation_round where id = $1 and published_at is not null and opens_at <= now() and closes_at > now()',
      [input.roundId],
    );
    if (!round.rows[0]) {
      await client.query('rollback');
      return send(res, 404, { error: 'round' });
    }
    const reference = `MSY-${new Date().getUTCFullYear()}-${randomBytes(5).toString('hex').toUpperCase()}`;
    const inserted = await client.query(
      `insert into contribution (round_id, author_user_id, status, idempotency_key, receipt_reference, answers, stakeholder_group,
         member_state_code, written_in, named_publicly, submitted_at, updated_at)
       values ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8, $9, now(), now())
       on conflict (round_id, (coalesce(author_user_id, facilitated_by)), idempotency_key) where idempotency_key is not null
       do nothing returning *`,
      [
        input.roundId,
        user.id,
        input.idempotencyKey,
        reference,
        JSON.stringify(input.answers),
        input.stakeholderGroup,
        input.memberState ?? null,
        input.writtenIn,
        input.namedPublicly,
      ],
    );
    const row = inserted.rows[0] as { id: string; receipt_reference: string; submitted_at: Date } | undefined;
    if (!row) {
      await client.query('rollback');
      return send(res, 409, { error: 'replayed' });
    }
    for (const [position, item] of input.items.entries()) {
      await client.query(
        'insert into contribution_item (contribution_id, position, type, text) values ($1, $2, $3, $4)',
        [row.id, position, item.type, item.text],
      );
    }
    await client.query(
      `insert into audit_log (actor_user_id, action, entity_type, entity_id, after_value, request_id, ip_address)
       values ($1, 'contribution.submit', 'contribution', $2, $3, $4, $5)`,
      [
        user.id,
        row.id,
        JSON.stringify({ ...row, items: input.items }),
        randomBytes(8).toString('hex'),
        req.socket.remoteAddress ?? null,
      ],
    );
    await client.query(
      `insert into mail_outbox (to_address, subject, text_body, transport) values ($1, $2, $3, 'outbox')`,
      [
        user.email,
        'Your feedback was received',
        `Thank you. Your receipt reference is ${row.receipt_reference}.`,
      ],
    );
    await client.query('commit');
    send(res, 200, {
      result: {
        data: {
          id: row.id,
          receiptReference: row.receipt_reference,
          submittedAt: row.submitted_at,
          replayed: false,
        },
      },
    });
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function catalogueList(res: http.ServerResponse) {
  const data = searchCatalogue('', {}).map((r) => ({
    id: r.actionArea.id,
    kind: r.actionArea.kind,
    pillar: r.actionArea.pillar,
    tier: r.actionArea.tier,
    title: r.actionArea.title,
    subActionCount: r.actionArea.subActions.length,
    matchingSubActionIds: r.matchingSubActionIds,
    snippet: r.snippet,
  }));
  send(res, 200, { result: { data } });
}

async function roundPage(id: string, res: http.ServerResponse) {
  const [round, questions, themes] = await Promise.all([
    pool.query('select * from consultation_round where id = $1 and published_at is not null', [id]),
    pool.query(
      'select id, position, kind, prompt, help, required, options, likert from round_question where round_id = $1 order by position',
      [id],
    ),
    pool.query('select id, label from round_theme where round_id = $1 order by label', [id]),
  ]);
  const r = round.rows[0] as Record<string, unknown> | undefined;
  if (!r) return send(res, 404, { error: 'round' });
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  const phase = roundPhase(
    {
      publishedAt: date(r.published_at),
      opensAt: new Date(r.opens_at as string),
      closesAt: new Date(r.closes_at as string),
      summaryPublishedAt: date(r.summary_published_at),
    },
    new Date(),
  );
  send(res, 200, {
    result: {
      data: {
        id: r.id,
        title: r.title,
        description: r.description,
        format: r.format,
        actionIds: r.action_ids,
        editionId: r.edition_id,
        audience: r.audience,
        invitedGroups: r.invited_groups,
        memberStates: r.member_states,
        languages: r.languages,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        event: r.event,
        phase,
        publishedAt: r.published_at,
        summary: r.summary_published_at ? r.summary : null,
        summaryPublishedAt: r.summary_published_at,
        version: r.version,
        contributionCount: 0,
        questions: questions.rows,
        themes: themes.rows,
      },
    },
  });
}

async function participation(id: string, res: http.ServerResponse) {
  const [cells, byType, byTheme] = await Promise.all(
    Object.values(PARTICIPATION_SQL).map((q) => pool.query(q, [id])),
  );
  send(res, 200, { result: { data: { cells: cells!.rows, byType: byType!.rows, byTheme: byTheme!.rows } } });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let work: Promise<void> | void;
  if (req.method === 'POST' && url.pathname === '/submit') work = submit(req, res);
  else if (url.pathname === '/catalogue') work = catalogueList(res);
  else if (url.pathname === '/round') work = roundPage(url.searchParams.get('id') ?? '', res);
  else if (url.pathname === '/participation') work = participation(url.searchParams.get('id') ?? '', res);
  else work = send(res, 404, { error: 'not found' });
  Promise.resolve(work).catch((error: unknown) => send(res, 500, { error: String(error) }));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(
    `baseline listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`,
  );
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
