import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_MEMBER_STATE,
  DEMO_PASSWORD,
  DEMO_SECRETARIAT,
  DEMO_STAKEHOLDER,
  extractLink,
  launchBrowser,
  startPlatform,
  waitForMail,
  type BrowserHandle,
  type Platform,
} from './harness';
import { signInCookie } from './fixtures/rounds';

let platform: Platform;
let browser: BrowserHandle;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('stakeholder portal accounts', () => {
  test('a stakeholder deletes their account: they land on the confirmation, signed out, and cannot sign in again', async () => {
    const email = `leaving.${Date.now()}@example.org`;
    // The demo stakeholder's password hash, so the test needs no hasher.
    const demo = await platform.db
      .selectFrom('user_account')
      .select('password_hash')
      .where('email', '=', DEMO_STAKEHOLDER.email)
      .executeTakeFirstOrThrow();
    await platform.db
      .insertInto('user_account')
      .values({
        email,
        name: 'Sokha Leaving',
        role: 'stakeholder',
        stakeholder_group: 'civil_society',
        password_hash: demo.password_hash,
        status: 'active',
        email_verified_at: new Date(),
        privacy_consent_at: new Date(),
      })
      .execute();
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${platform.url}/sign-in?next=${encodeURIComponent('/account')}`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Are you sure you want to delete your account?' });
    await dialog.getByLabel('E-mail address').fill(email);
    await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    // The confirmation, not a sign-in page the account page's guard would send a signed-out visitor to.
    await page.getByRole('heading', { level: 1, name: 'Your account has been deleted' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account/deleted');

    const signIn = await fetch(`${platform.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(401);
    await page.close();
  });

  test('a stakeholder signs in with the demo account, sees their name, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(DEMO_STAKEHOLDER.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Maria Dela Cruz').first().waitFor()).resolves.toBeUndefined();

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByText('You have signed out.').waitFor();
    await page.goto(`${platform.url}/account`);
    // The account page is for signed-in people only.
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });

  test('a wrong password is refused with a clear message next to the form, and no session', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(DEMO_STAKEHOLDER.email);
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter a correct e-mail address and password.').first().waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'musyawarah_session')).toBeUndefined();
  });

  test('a new stakeholder registers, confirms the e-mail through the link choosing the password there, and is signed in', async () => {
    const page = await browser.newPage();
    const email = `new.participant.${Date.now()}@example.org`;
    await page.goto(`${platform.url}/register`);

    // Submitting the empty form shows field-level errors, with the summary first.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Enter your full name' }).waitFor();

    await page.getByLabel('Full name').fill('Nguyen Thi Lan');
    await page.getByLabel('E-mail address').fill(email);
    // No password here: whoever confirms the address chooses it (someone registering a stranger's address gains nothing).
    expect(await page.getByLabel('Create a password').count()).toBe(0);
    await page.getByLabel(/Civil society organisation/).check();
    await page.getByLabel(/Organisation name/).fill('Mekong Digital Inclusion');
    await page.getByLabel(/ASEAN Member State you are based in/).selectOption('VN');
    await page.getByLabel(/I agree that Musyawarah keeps/).check();
    const since = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();

    const mail = await waitForMail(platform.db, email, { since });
    const link = extractLink(mail.text_body, '/confirm-email');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Confirm your e-mail address' }).waitFor();
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page.getByRole('link', { name: /at least 12 characters/ }).waitFor();
    await page.getByLabel('Choose a password').fill('lotus pond at dawn');
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page.getByRole('heading', { name: 'E-mail address confirmed' }).waitFor();
    await page.goto(`${platform.url}/account`);
    await page.getByText(email).first().waitFor();

    // The password chosen on the confirmation page signs in.
    const signIn = await fetch(`${platform.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'lotus pond at dawn' }),
    });
    expect(signIn.status).toBe(200);
  });

  test('an invited member-state representative accepts the invitation and is signed in', async () => {
    // The secretariat sends the invitation through the API (the secretariat app's own flow is tested separately).
    const signIn = await fetch(`${platform.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_SECRETARIAT.email, password: DEMO_PASSWORD }),
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const email = `rep.${Date.now()}@example.org`;
    const since = new Date(Date.now() - 1000);
    const invite = await fetch(`${platform.url}/trpc/users.invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ email, name: 'Aung Kyaw', role: 'member_state', memberState: 'MM' }),
    });
    expect(invite.status).toBe(200);

    const link = extractLink(
      (await waitForMail(platform.db, email, { since })).text_body,
      '/accept-invitation',
    );
    const page = await browser.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await page.getByText('Myanmar').first().waitFor();
    await page.getByLabel('Create a password').fill('golden land of pagodas');
    await page.getByRole('button', { name: 'Accept and create account' }).click();
    await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();

    // The link works once.
    const again = await browser.newPage();
    await again.goto(link);
    await again.getByText('This link has already been used.').first().waitFor();
  });
});

describe('secretariat app sign-in', () => {
  test('the secretariat signs in and reaches the secretariat home', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/secretariat/`);
    await page.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Siti Rahmawati').first().waitFor();
    // The name can show while the sign-in page is still on screen: wait for the move to the home page.
    await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/secretariat');
  });

  test('a member-state account is refused by the secretariat app with a clear message', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/secretariat/sign-in`);
    await page.getByLabel('E-mail address').fill(DEMO_MEMBER_STATE.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This account cannot use the Secretariat area.', { exact: false }).first().waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'musyawarah_session')).toBeUndefined();
  });

  test('the secretariat invites a colleague in the app, reads the link in the Mail outbox, and the colleague accepts it', async () => {
    const admin = await browser.newPage();
    await admin.goto(`${platform.url}/secretariat/sign-in`);
    await admin.getByLabel('E-mail address').fill(DEMO_SECRETARIAT.email);
    await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('Siti Rahmawati').first().waitFor();

    const email = `colleague.${Date.now()}@example.org`;
    await admin.goto(`${platform.url}/secretariat/users/invite`);
    await admin.getByLabel('Full name').fill('Dewi Lestari');
    await admin.getByLabel('E-mail address').fill(email);
    await admin.getByLabel(/Member State representative/).check();
    await admin.getByLabel('Member State', { exact: true }).selectOption('ID');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${email}.`).waitFor();

    await admin.goto(`${platform.url}/secretariat/mail`);
    await admin
      .getByRole('link', { name: /You are invited to Musyawarah/ })
      .first()
      .click();
    const link = await admin
      .getByRole('link', { name: /accept-invitation/ })
      .first()
      .getAttribute('href');
    expect(link).toContain('/accept-invitation?token=');

    const invitee = await browser.newPage();
    await invitee.goto(link!);
    await invitee.getByText('Siti Rahmawati of the ASEAN Secretariat has invited you').waitFor();
    await invitee.getByLabel('Create a password').fill('borobudur at sunrise');
    await invitee.getByRole('button', { name: 'Accept and create account' }).click();
    await invitee.getByRole('heading', { name: 'Your account is ready' }).waitFor();

    await admin.goto(`${platform.url}/secretariat/invitations`);
    await admin
      .getByRole('row', { name: new RegExp(email.replace('.', '\\.')) })
      .getByText('Accepted')
      .waitFor();
  });

  test('a stakeholder saves their details, signs out another of their devices, then every device; each outcome is said beside the button used (focus stays there), the last on the sign-in page', async () => {
    // Another device: a second session of the same account.
    await signInCookie(platform, DEMO_STAKEHOLDER.email, DEMO_PASSWORD);
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${platform.url}/sign-in?next=${encodeURIComponent('/account')}`);
    await page.getByLabel('E-mail address').fill(DEMO_STAKEHOLDER.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim());

    const save = page.getByRole('button', { name: 'Save changes' });
    await save.focus();
    await page.keyboard.press('Enter');
    // Said in a polite status region right after the form (at 375 px a banner at the top would be out of sight).
    const saved = page.locator('form#profile + [data-notice-region] [role="status"]');
    await saved.getByText('Your details have been saved.').waitFor();
    await expect.poll(() => saved.locator('.notification--success').isVisible()).toBe(true);
    await expect.poll(focusedText).toBe('Save changes');

    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    const other = sessions
      .getByRole('row')
      .filter({ hasNotText: 'This device' })
      .filter({ hasText: 'Sign out' });
    await expect.poll(() => other.count()).toBe(1);
    await other.getByRole('button', { name: /^Sign out/ }).click();
    const revoked = sessions.locator('[data-notice-region] [role="status"]');
    await revoked.getByText('That device has been signed out.').waitFor();
    await expect.poll(() => other.count()).toBe(0);
    // One notice at a time: the earlier one has gone.
    await expect.poll(() => page.getByText('Your details have been saved.').count()).toBe(0);

    // Signing out everywhere lands on the sign-in page, which says so, once.
    await sessions.getByRole('button', { name: 'Sign out on every device' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.locator('[role="status"]').getByText('You have been signed out on every device.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect.poll(() => page.getByText('You have been signed out on every device.').count()).toBe(0);
    await page.close();
  });
});
