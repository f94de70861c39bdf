// A stand-in for the user's browser, for headless tests of the clients' OAuth flows: opens the
// authorization URL, signs in on the server's sign-in page, presses Allow (or Deny) on the consent
// page, and finally follows the redirect to the client's loopback callback, as a browser would.
// Usage: SIGN_IN_USERNAME=... SIGN_IN_PASSWORD=... [SIGN_IN_DECISION=deny] node sign-in-browser.mjs <authorization url>
// or, through the company's identity provider: SIGN_IN_PROVIDER=<its issuer URL> node sign-in-browser.mjs <authorization url>
const [authorizationUrl] = process.argv.slice(2);
const cookies = new Map();
const origins = new Set([new URL(authorizationUrl).origin]);
if (process.env.SIGN_IN_PROVIDER) {
  origins.add(new URL(process.env.SIGN_IN_PROVIDER).origin);
}

async function request(url, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (cookies.size) {
    headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  const response = await fetch(url, { ...options, headers, redirect: 'manual' });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const index = pair.indexOf('=');
    cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
  return response;
}

// Follows redirects while they stay on the server (or its identity provider); returns [final url, response].
async function follow(url, options) {
  let current = url;
  let response = await request(current, options);
  while (response.status >= 300 && response.status < 400) {
    const next = new URL(response.headers.get('location'), current).toString();
    if (!origins.has(new URL(next).origin)) {
      return [next, response];
    }
    current = next;
    response = await request(current);
  }
  return [current, response];
}

async function submit(pageUrl, html, fields, button) {
  const form = html.match(/<form id="(\w+)"[^>]*action="([^"]*)"/);
  if (!form) {
    throw new Error(`no form on ${pageUrl}: ${html.slice(0, 500)}`);
  }
  const body = new URLSearchParams();
  for (const hidden of html.matchAll(/<input type="hidden" name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    body.append(hidden[1], hidden[2].replaceAll('&#x3a;', ':'));
  }
  for (const [name, value] of Object.entries(fields)) {
    body.append(name, value);
  }
  body.append(button, button);
  const action = new URL(form[2].replaceAll('&amp;', '&'), pageUrl).toString();
  return follow(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
}

async function signIn(loginUrl, html) {
  if (process.env.SIGN_IN_PROVIDER) {
    const link = html.match(/<a id="sign-in-upstream"[^>]*href="([^"]*)"/);
    if (!link) {
      throw new Error(`no sign-in through the identity provider on ${loginUrl}: ${html.slice(0, 500)}`);
    }
    return follow(new URL(link[1].replaceAll('&amp;', '&'), loginUrl).toString());
  }
  return submit(loginUrl, html, { username: process.env.SIGN_IN_USERNAME, password: process.env.SIGN_IN_PASSWORD }, 'sign-in');
}

const [loginUrl, login] = await follow(authorizationUrl);
const [consentUrl, consent] = await signIn(loginUrl, await login.text());
const consentPage = await consent.text();
// what the consent page asked the user, for tests that check it
const asked = [...(consentPage.match(/<ul id="scopes">([\s\S]*?)<\/ul>/)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((item) => item[1]);
console.log(`consent: ${JSON.stringify(asked)}`);
const [callbackUrl] = await submit(consentUrl, consentPage, {}, process.env.SIGN_IN_DECISION || 'allow');
const callback = await fetch(callbackUrl);
console.log(`signed in; the client's callback answered ${callback.status}`);
