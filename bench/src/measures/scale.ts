// Scale-out figures (issue #16): one host against two behind nginx on the same PostgreSQL, and a bounded closing rush
// through the two. Both run in the same `pnpm bench` as the other rows, on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '@musyawarah/db';
import { freePort } from '../../../tooling/scripts/lib/postgres.mjs';
import { addLoadRow, load, loadRequests, log, problems, QUICK, rows, type Child } from '../harness';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface Proxy {
  url: string;
  stop(): void;
}

/** nginx in front of the given hosts: round-robin, keep-alive upstream connections, as docs/deployment.md sets it up. */
export async function startNginx(upstreamPorts: number[]): Promise<Proxy | null> {
  if (!existsSync(NGINX)) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'musyawarah-bench-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(dir, sub), { mode: 0o777 });
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log error;
worker_rlimit_nofile 8192;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream hosts {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location / {
      proxy_pass http://hosts;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 60s;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`nginx did not start (see ${dir}/error.log)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function countSubmitted(db: Db, roundId?: string): Promise<number> {
  const { rows: r } = await sql<{ n: number }>`select count(*)::int as n from contribution
    where status = 'submitted' and (${roundId ?? null}::uuid is null or round_id = ${roundId ?? null}::uuid)`.execute(
    db,
  );
  return Number(r[0]?.n ?? 0);
}

export interface ScaleInput {
  db: Db;
  hosts: [Child, Child];
  cookie: () => string;
  submission: (roundId: string, withKey: boolean) => string;
  roundIds: string[];
  /** One session per rush participant. */
  participants: string[];
}

export async function measureScaleOut(input: ScaleInput): Promise<void> {
  const ports = input.hosts.map((h) => Number(new URL(h.url).port));
  const one = await startNginx([ports[0]!]);
  const two = await startNginx(ports);
  if (!one || !two) {
    log(`nginx not found at ${NGINX}: scale-out rows skipped`);
    rows.push({
      id: 'scale-out',
      measure: 'scale-out: two hosts ÷ one',
      value: null,
      unit: 'req/s',
      baseline: null,
      ratio: null,
      goal: 'reported',
      met: null,
      note: 'nginx not installed',
    });
    one?.stop();
    two?.stop();
    return;
  }
  try {
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    const submit = {
      method: 'POST' as const,
      path: '/trpc/contributions.submit',
      cookie: input.cookie,
      body: () => input.submission(pick(input.roundIds), true),
    };
    log('load: submissions through nginx, one host');
    const single = await load(one.url, submit);
    log('load: submissions through nginx, two hosts');
    const double = await load(two.url, submit);
    addLoadRow(
      'scale-out',
      'scale-out: submissions, two hosts behind nginx (baseline: one host behind nginx)',
      double,
      single,
      0,
    );

    // The closing rush: every participant reads the round, saves a draft and submits, again and again, for a bounded time.
    const connections = input.participants.length;
    const seconds = QUICK ? 3 : 60;
    const roundId = input.roundIds[0]!;
    let next = 0;
    let acknowledged = 0;
    // autocannon keeps one context per connection: each connection is one participant for the whole rush.
    const sessionOf = (context: object) => {
      const c = context as { cookie?: string };
      return (c.cookie ??= `musyawarah_session=${input.participants[next++ % connections]}`);
    };
    const json = { 'content-type': 'application/json' };
    log(`load: closing rush, ${connections} participants for ${seconds} s through two hosts`);
    const before = await countSubmitted(input.db, roundId);
    const rush = await loadRequests(two.url, { connections, seconds, warmupSeconds: 0 }, [
      {
        method: 'GET',
        path: `/trpc/rounds.get?input=${encodeURIComponent(JSON.stringify({ roundId }))}`,
        setupRequest: (req, context) => ({ ...req, headers: { ...req.headers, cookie: sessionOf(context) } }),
      },
      {
        method: 'POST',
        path: '/trpc/contributions.saveDraft',
        setupRequest: (req, context) => ({
          ...req,
          headers: { ...req.headers, ...json, cookie: sessionOf(context) },
          body: input.submission(roundId, false),
        }),
      },
      {
        method: 'POST',
        path: '/trpc/contributions.submit',
        setupRequest: (req, context) => ({
          ...req,
          headers: { ...req.headers, ...json, cookie: sessionOf(context) },
          body: input.submission(roundId, true),
        }),
        onResponse: (status) => {
          if (status === 200) acknowledged++;
        },
      },
    ]);
    const stored = (await countSubmitted(input.db, roundId)) - before;
    const failed = rush.non2xx + rush.errors + rush.timeouts;
    rows.push({
      id: 'rush',
      measure: `closing rush: ${connections} participants × ${seconds} s (read, draft, submit), two hosts`,
      value: rush.rps,
      unit: 'req/s',
      baseline: null,
      ratio: null,
      goal: '0 errors, 0 lost',
      met: failed === 0 && stored >= acknowledged,
      note: `p50 ${rush.p50} ms, p99 ${rush.p99} ms over all three requests; ${acknowledged} submissions acknowledged, ${stored} stored; non-2xx ${rush.non2xx}, errors ${rush.errors}, timeouts ${rush.timeouts}`,
      raw: { rush, acknowledged, stored },
    });
    if (failed)
      problems.push(
        `rush: ${failed} requests failed (non-2xx ${rush.non2xx}, errors ${rush.errors}, timeouts ${rush.timeouts})`,
      );
    if (stored < acknowledged) problems.push(`rush: ${acknowledged} acknowledged but ${stored} stored`);
  } finally {
    one.stop();
    two.stop();
  }
}
