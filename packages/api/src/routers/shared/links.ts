// Links in e-mails, shared by the routers that send mail (auth, users, contributions and event registrations, boards).
import type { Context } from '../../context';

/** An absolute link to `path` on the public site, with the e-mail's token if it carries one. */
export function link(ctx: Context, path: string, token?: string): string {
  const url = new URL(path, ctx.config.publicUrl);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}
