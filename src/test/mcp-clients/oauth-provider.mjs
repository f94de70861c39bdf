// The OAuthClientProvider an application built on the official SDK writes, shared by the SDK scripts: a public client
// registered dynamically, its tokens, PKCE verifier and discovery state in memory, and the user sent to the
// authorization URL by the browser stand-in (sign-in-browser.mjs), which signs in and consents.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const browser = fileURLToPath(new URL('./sign-in-browser.mjs', import.meta.url));

/**
 * keepsRefreshToken: false for an application that keeps none; each sign-in's browser run is a promise in
 * `browsers`, resolved with what the stand-in printed once it is done; `tokens()` are the current tokens.
 */
export function memoryOAuthProvider({ redirectUrl, clientName, keepsRefreshToken = true }) {
  const store = {};
  const browsers = [];
  const provider = {
    get redirectUrl() { return redirectUrl; },
    get clientMetadata() {
      return { client_name: clientName, redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'], token_endpoint_auth_method: 'none' };
    },
    clientInformation() { return store.client; },
    saveClientInformation(client) { store.client = client; },
    tokens() { return store.tokens; },
    saveTokens(tokens) {
      const { refresh_token: refreshToken, ...withoutRefresh } = tokens;
      store.tokens = keepsRefreshToken ? tokens : withoutRefresh;
    },
    saveCodeVerifier(verifier) { store.verifier = verifier; },
    codeVerifier() { return store.verifier; },
    discoveryState() { return store.discovery; },
    saveDiscoveryState(state) { store.discovery = state; },
    async redirectToAuthorization(authorizationUrl) {
      browsers.push(new Promise((resolve) => execFile(process.execPath, [browser, authorizationUrl.toString()], (error, stdout, stderr) => {
        if (error) { console.error(`browser stand-in failed: ${stderr}`); }
        resolve(stdout);
      })));
    },
  };
  return { provider, browsers };
}
