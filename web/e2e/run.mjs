// End-to-end tests of the web client in a real headless Chromium (Debian's, driven by playwright-core)
// against a running platform behind the proxy. Started by tests/e2e/test_web.py, which starts the
// platform; by hand: BASE_URL=http://127.0.0.1:8080 MAIL_DIR=var/mail node e2e/run.mjs
//
//   SUITE=short  register → verify from the mail → log in → Sqrt(x) → original solution → Accepted 5/5
//   SUITE=full   also: custom run, a compile error with its line marked, the 4th quick submit's countdown
//                (the platform runs with a 3-token bucket and a slow refill), another user cannot see the
//                first user's submission, the other pages, dark theme and a phone; SCREENSHOTS=dir saves
//                the README's pictures.
// Any console error or Content-Security-Policy violation on any page fails the run.

import { readdirSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const MAIL_DIR = resolve(process.env.MAIL_DIR ?? join(here, '../../var/mail'));
const SUITE = process.env.SUITE ?? 'short';
const SHOTS = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : null;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SQRT_ID = 'f17f511a-8c53-41d3-b750-7673d25835af';
const SOLUTION = readFileSync(join(here, '../../problems/sqrt-x/submissions/accepted/original_readme.cpp'), 'utf8');
const BROKEN = readFileSync(join(here, '../../problems/sqrt-x/submissions/compile_error/missing_semicolon.cpp'), 'utf8');
const PASSWORD = 'a-Long-passw0rd!';
const TIMEOUT = 120_000;

let current = null; // the page a failing step is on: screenshot saved to e2e/artifacts/
let passed = 0;
let failed = 0;
const problems = [];

function log(...args) {
  console.log(`[web-e2e ${new Date().toISOString().slice(11, 19)}]`, ...args);
}

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    log(`FAIL ${name}: ${error.stack ?? error}`);
    if (current) {
      mkdirSync(join(here, 'artifacts'), { recursive: true });
      await current.screenshot({ path: join(here, 'artifacts', 'failure.png') }).catch(() => {});
      log(`screenshot: ${join(here, 'artifacts', 'failure.png')}; page text:\n${(await current.innerText('body').catch(() => '')).slice(0, 1500)}`);
    }
    throw error;
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

/** The path of the newest verification link mailed to `email` (the link opens the web client). */
function verificationPath(email) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const files = readdirSync(MAIL_DIR)
      .map((f) => join(MAIL_DIR, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes(email)) continue;
      const link = /https?:\/\/[^\s/]+(\/verify-email\/[^\s]+)/.exec(text);
      if (link) return link[1];
    }
  }
  throw new Error(`no verification mail for ${email} in ${MAIL_DIR}`);
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|404|429)/.test(msg.text())) {
      problems.push(`console error on ${page.url()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
  // CSP violations are reported to the page as events: collect them through an exposed function.
  await page.exposeFunction('__cspViolation', (text) => problems.push(`CSP violation on ${page.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}

async function register(page, name) {
  const email = `${name}@example.com`;
  await page.goto(`${BASE}/register`);
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('First name').fill('Web');
  await page.getByLabel('Last name').fill('Tester');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Check your e-mail').waitFor();
  return email;
}

async function verifyAndLogin(page, email) {
  await page.goto(`${BASE}${verificationPath(email)}`);
  await page.waitForURL(/\/login\?verified=1/);
  await page.getByText('Your e-mail address is verified').waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/problems$/);
}

async function setCode(page, code) {
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText types the text as one input: no auto-indent or bracket closing on the way.
  await page.keyboard.insertText(code);
}

/** Wait until the shown verdict matches `pattern` (an earlier verdict may still be on screen a moment). */
async function expectVerdict(page, pattern) {
  const deadline = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < deadline) {
    text = await page.evaluate(() => document.querySelector('[data-testid="verdict"]')?.textContent?.trim() ?? '');
    if (pattern.test(text)) return text;
    await page.waitForTimeout(200);
  }
  throw new Error(`verdict "${text}" never matched ${pattern}`);
}

async function main() {
  // playwright-core gives every launch a fresh temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, colorScheme: 'light' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await watch(page);
  current = page;
  const tag = Date.now().toString(36);
  const alice = `alice_${tag}`;
  let submissionId = null;

  try {
    await step('deep link to a client route is served by the app', async () => {
      const response = await page.goto(`${BASE}/problems/${SQRT_ID}`);
      assert(response.status() === 200, `status ${response.status()}`);
      const csp = response.headers()['content-security-policy'] ?? '';
      assert(csp.includes("script-src 'self'") && csp.includes("frame-ancestors 'none'"), `CSP: ${csp}`);
      await page.getByRole('heading', { name: /Sqrt\(x\)/ }).waitFor();
    });

    let email;
    await step('register, then verify from the link in the e-mail, then log in', async () => {
      email = await register(page, alice);
      await verifyAndLogin(page, email);
      await page.getByRole('link', { name: alice }).waitFor();
    });

    await step('the problem list shows Sqrt(x) with its difficulty and tags', async () => {
      await page.getByRole('link', { name: 'Sqrt(x)' }).waitFor();
      const row = page.locator('tr', { has: page.getByRole('link', { name: 'Sqrt(x)' }) });
      assert((await row.innerText()).includes('math'), 'tag math in the row');
      await shot(page, 'problems');
    });

    await step('open Sqrt(x): the statement and the samples', async () => {
      await page.getByRole('link', { name: 'Sqrt(x)' }).click();
      await page.waitForURL(new RegExp(`/problems/${SQRT_ID}$`));
      await page.getByRole('heading', { name: /Sqrt\(x\)/ }).waitFor();
      await page.getByRole('heading', { name: 'Sample 1' }).waitFor();
      await page.getByLabel('Language').selectOption('cpp');
    });

    if (SUITE === 'full') {
      await step('Ctrl+Enter runs on custom input: the output and the reference solution\'s output', async () => {
        await setCode(page, SOLUTION);
        await page.getByLabel('Run with').selectOption('custom');
        await page.getByRole('textbox', { name: 'Custom input' }).fill('2\n8\n16\n');
        await page.getByRole('textbox', { name: 'Custom input' }).press('ControlOrMeta+Enter'); // the shortcut outside the editor
        await expectVerdict(page, /^Accepted/);
        const actual = (await page.getByTestId('actual').innerText()).trim();
        const expected = (await page.getByTestId('expected').innerText()).trim();
        assert(actual === '2\n4' && expected === '2\n4', `actual ${JSON.stringify(actual)} expected ${JSON.stringify(expected)}`);
      });
    }

    await step("type the original README's solution, Submit: pending, then Accepted 5/5", async () => {
      await setCode(page, SOLUTION);
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByTestId('pending').waitFor();
      await expectVerdict(page, /^Accepted 5\/5/);
      const rows = await page.locator('table.tests tbody tr').count();
      assert(rows === 5, `${rows} test rows`);
      await shot(page, 'problem-accepted');
    });

    await step('the code survives a reload (kept per problem and language)', async () => {
      await page.reload();
      await page.locator('.cm-content').waitFor();
      const text = await page.locator('.cm-content').innerText();
      assert(text.includes('mySqrt'), 'draft restored');
      await page.getByRole('link', { name: alice }).waitFor(); // the session survived too (cookie)
    });

    if (SUITE === 'full') {
      await step('a compile error shows the message and marks the line', async () => {
        await setCode(page, BROKEN);
        await page.keyboard.press("ControlOrMeta+'"); // the submit shortcut
        await expectVerdict(page, /^Compilation Error/);
        const output = await page.getByTestId('compile-output').innerText();
        assert(/error/.test(output), `compile output: ${output}`);
        assert((await page.locator('.cm-error-line').count()) >= 1, 'an error line is marked');
        await shot(page, 'problem-compile-error');
      });

      await step('the 4th quick submit shows the rate-limit countdown', async () => {
        await setCode(page, SOLUTION);
        await page.getByRole('button', { name: 'Submit' }).click();
        const countdown = page.getByTestId('countdown');
        await countdown.waitFor();
        const first = Number(await countdown.locator('strong').innerText());
        assert(first > 1, `countdown starts at ${first}`);
        assert(await page.getByRole('button', { name: 'Submit' }).isDisabled(), 'submit disabled while waiting');
        await page.waitForTimeout(2200);
        const later = Number(await countdown.locator('strong').innerText());
        assert(later < first, `countdown ${first} → ${later}`);
        await shot(page, 'problem-rate-limited');
      });

      await step('history lists the submissions; one opens with its result and code', async () => {
        await page.getByRole('link', { name: 'Submissions' }).click();
        await page.waitForURL(/\/submissions$/);
        await page.locator('table.submissions tbody tr').first().waitFor();
        await shot(page, 'submissions');
        const accepted = page.locator('tr', { hasText: 'Accepted' }).filter({ hasNotText: '(run)' }).first();
        await accepted.getByRole('link').first().click();
        await page.waitForURL(/\/submissions\/[0-9a-f-]{36}$/);
        submissionId = page.url().split('/').pop();
        await expectVerdict(page, /^Accepted 5\/5/);
        assert((await page.locator('pre.code').innerText()).includes('mySqrt'), 'code shown');
      });

      await step('the profile shows the solved count', async () => {
        await page.getByRole('link', { name: alice }).click();
        await page.waitForFunction(() => document.querySelector('[data-testid="solved-count"]')?.textContent === '1');
        await shot(page, 'profile');
      });

      await step('dark theme and a phone screen', async () => {
        await page.goto(`${BASE}/problems/${SQRT_ID}`);
        await page.getByRole('button', { name: /Switch to the dark theme/ }).click();
        await page.locator('.cm-editor').waitFor();
        await page.getByRole('link', { name: alice }).waitFor();
        assert((await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark', 'dark theme');
        // The editor follows: CodeMirror's dark theme paints its gutter dark.
        const gutter = await page.locator('.cm-gutters').evaluate((el) => getComputedStyle(el).backgroundColor);
        assert(gutter === 'rgb(40, 44, 52)', `editor gutter ${gutter} in the dark theme`);
        await shot(page, 'problem-dark');
        const phone = await context.newPage();
        await watch(phone);
        await phone.setViewportSize({ width: 390, height: 844 });
        await phone.goto(`${BASE}/problems`);
        await phone.getByRole('link', { name: 'Sqrt(x)' }).waitFor();
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 1, `horizontal overflow ${overflow}px on a phone`);
        await shot(phone, 'phone-problems');
        await phone.close();
        await page.getByRole('button', { name: /Switch to the light theme/ }).click();
      });

      await step("log out; another user cannot see the first user's submission", async () => {
        await page.getByRole('button', { name: 'Log out' }).click();
        await page.waitForURL(/\/login$/);
        await page.goto(`${BASE}/submissions`);
        await page.waitForURL(/\/login\?next=/); // logged out for real: the cookie is gone
        const bob = `bob_${tag}`;
        const bobEmail = await register(page, bob);
        await verifyAndLogin(page, bobEmail);
        await page.goto(`${BASE}/submissions/${submissionId}`);
        await page.getByText('Submission not found.').waitFor({ timeout: TIMEOUT });
        await page.goto(`${BASE}/submissions`);
        await page.getByText('Nothing here yet.').waitFor();
      });

      await step('login page screenshot', async () => {
        await page.getByRole('button', { name: 'Log out' }).click();
        await page.waitForURL(/\/login$/);
        await shot(page, 'login');
      });

      if (process.env.STAFF_EMAIL) {
        await step('staff: import a problem package, open it, rejudge a submission', async () => {
          await page.getByLabel('E-mail').fill(process.env.STAFF_EMAIL);
          await page.getByLabel('Password').fill(process.env.STAFF_PASSWORD);
          await page.getByRole('button', { name: 'Log in' }).click();
          await page.getByRole('link', { name: 'Staff', exact: true }).click();
          const title = `Echo ${tag}`;
          const pkg = {
            title,
            difficulty: 1,
            description: 'Print the input.\n\nMath works: $a^2 + b^2$.',
            tags: ['io'],
            tests: [
              { name: 'sample/1', input: '1\n', answer: '1\n', sample: true },
              { name: 'secret/1', input: '2\n', answer: '2\n', sample: false },
            ],
          };
          await page.getByLabel('Package (.json)').setInputFiles({
            name: 'echo.json',
            mimeType: 'application/json',
            buffer: Buffer.from(JSON.stringify(pkg)),
          });
          await page.getByText('Stored 2 tests.').waitFor({ timeout: TIMEOUT });
          await shot(page, 'staff');
          await page.goto(`${BASE}/problems?title=${encodeURIComponent(tag)}`);
          await page.getByRole('link', { name: title }).click();
          await page.locator('.katex').first().waitFor(); // the statement's math is rendered
          await page.goto(`${BASE}/staff`);
          await page.getByLabel('Submission id').fill(submissionId);
          await page.getByRole('button', { name: 'Rejudge' }).click();
          await page.getByText(/queued again as attempt 2/).waitFor({ timeout: TIMEOUT });
        });
      }
    }

    await step('no console error and no CSP violation on any page', async () => {
      assert(problems.length === 0, problems.join('\n'));
    });
  } finally {
    await browser.close();
    console.log(`${passed} passed, ${failed} failed`);
  }
}

// A hung browser must not hang the test run: give up after 10 minutes.
setTimeout(() => {
  log('FAIL the run took over 10 minutes');
  process.exit(1);
}, 600_000).unref();

main().catch(() => {
  if (problems.length) log(`also seen:\n${problems.join('\n')}`);
  process.exitCode = 1;
});
