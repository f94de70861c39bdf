// Step-up authorization with the official TypeScript SDK client: it signs in for what the server's 401 asks
// (mcp:list mcp:call), calls add, then calls a tool that needs a scope of its own. The server answers 403
// insufficient_scope; the SDK sends the user through sign-in and consent again for the scope the challenge names
// (the browser stand-in, sign-in-browser.mjs, prints what the consent page asked), and the call is retried with the
// new token. By default with @modelcontextprotocol/client 2.x (the 2026-07-28 rules: it adds the challenge's scopes to
// its own, and re-authorizes even when it holds a refresh token); with SDK_VERSION=1 with @modelcontextprotocol/sdk 1.x,
// which takes the challenge's scope as it is, as an application that keeps no refresh token (1.x refreshes instead of
// re-authorizing when it has one, and a refresh cannot widen the scope: typescript-sdk issue 2255).
// Usage: SIGN_IN_USERNAME=... SIGN_IN_PASSWORD=... [SDK_VERSION=1] node sdk-step-up.mjs <server url> <tool> [<arguments as JSON>]
// Prints {"sum": ..., "result": <the tool's result>, "signIns": n, "consents": [[...], ...], "scope": "..."} and exits 0,
// or prints the error and exits 1.
import http from 'node:http';
import { memoryOAuthProvider } from './oauth-provider.mjs';

const v1 = process.env.SDK_VERSION === '1';
const { Client, StreamableHTTPClientTransport, UnauthorizedError } = v1
  ? { ...(await import('@modelcontextprotocol/sdk/client/index.js')), ...(await import('@modelcontextprotocol/sdk/client/streamableHttp.js')),
      ...(await import('@modelcontextprotocol/sdk/client/auth.js')) }
  : await import('@modelcontextprotocol/client');

const [serverUrl, tool, toolArguments = '{}'] = process.argv.slice(2);

// the loopback callback: each sign-in delivers one authorization callback
const callbacks = [];
let waiting;
const callback = http.createServer((request, response) => {
  response.end('You can close this window.');
  callbacks.push(new URL(request.url, 'http://127.0.0.1').searchParams);
  waiting?.();
});
const nextCallback = () => new Promise((resolve) => {
  const take = () => { waiting = undefined; resolve(callbacks.shift()); };
  if (callbacks.length) { take(); } else { waiting = take; }
});
await new Promise((resolve) => callback.listen(0, '127.0.0.1', resolve));
const redirectUrl = `http://127.0.0.1:${callback.address().port}/callback`;

const { provider: authProvider, browsers } = memoryOAuthProvider({ redirectUrl, clientName: 'SDK step-up test client',
  keepsRefreshToken: !v1 });
/** What each consent page asked, in order, once every browser run is done. */
async function consentsAsked() {
  return (await Promise.all(browsers)).map((stdout) => stdout.match(/^consent: (.*)$/m)).filter(Boolean)
    .map((asked) => JSON.parse(asked[1]));
}

/** Redeems the next callback's code: 2.x takes the callback's parameters (it checks their iss), 1.x the code. */
async function finishAuth(transport) {
  const parameters = await nextCallback();
  await transport.finishAuth(v1 ? parameters.get('code') : parameters);
}

/** Runs an MCP step; when the SDK has sent the user to sign in, finishes that and runs it again. */
async function signedIn(transport, step) {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await finishAuth(transport);
    return step();
  }
}

try {
  let transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider });
  let client = new Client({ name: 'sdk-step-up-test', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await finishAuth(transport);
    transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider });
    client = new Client({ name: 'sdk-step-up-test', version: '1.0.0' });
    await client.connect(transport);
  }
  const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } });
  const result = await signedIn(transport, () => client.callTool({ name: tool, arguments: JSON.parse(toolArguments) }));
  const consents = await consentsAsked(); // each reports what its consent page asked once the client's callback has answered
  console.log(JSON.stringify({ sum: sum.content[0].text, result, signIns: browsers.length, consents, scope: authProvider.tokens()?.scope }));
  await client.close();
  callback.close();
  process.exit(0);
} catch (error) {
  console.error(error?.stack ?? String(error));
  callback.close();
  process.exit(1);
}
