// The official TypeScript SDK client signing in with OAuth and calling add, as an application
// built on the SDK would: an OAuthClientProvider that registers dynamically, sends the user to the
// authorization URL (here the browser stand-in, sign-in-browser.mjs), takes the code on a loopback
// callback and lets the transport redeem it.
// Usage: SIGN_IN_USERNAME=... SIGN_IN_PASSWORD=... node sdk-oauth-client.mjs <sse|http> <server url>
// Prints {"sum": ..., "signedIn": true} and exits 0, or prints the error and exits 1.
import http from 'node:http';
import { memoryOAuthProvider } from './oauth-provider.mjs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const [transportName, serverUrl] = process.argv.slice(2);

// the loopback callback that receives the authorization code
let receiveCode;
const code = new Promise((resolve) => { receiveCode = resolve; });
const callback = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  response.end('You can close this window.');
  receiveCode(url.searchParams.get('code'));
});
await new Promise((resolve) => callback.listen(0, '127.0.0.1', resolve));
const redirectUrl = `http://127.0.0.1:${callback.address().port}/callback`;

const { provider: authProvider, browsers } = memoryOAuthProvider({ redirectUrl, clientName: 'SDK test client' });

const newTransport = () => transportName === 'sse'
  ? new SSEClientTransport(new URL(serverUrl), { authProvider })
  : new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider });

const newClient = () => new Client({ name: 'sdk-oauth-test', version: '1.0.0' });

try {
  let client = newClient();
  let transport = newTransport();
  try {
    await client.connect(transport);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    await transport.finishAuth(await code);
    client = newClient();
    transport = newTransport();
    await client.connect(transport);
  }
  const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } });
  console.log(JSON.stringify({ sum: result.content[0].text, signedIn: browsers.length > 0 }));
  await client.close();
  callback.close();
  process.exit(0);
} catch (error) {
  console.error(error?.stack ?? String(error));
  callback.close();
  process.exit(1);
}
