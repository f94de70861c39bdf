// The official MCP TypeScript SDK's own server doing the `add` tool, the reference bench/run.sh measures our
// server against. Written the way the SDK's documentation and examples write a Streamable HTTP server:
// createMcpExpressApp (Express with the JSON body parser and DNS-rebinding protection), the SDK's
// requireBearerAuth middleware on /mcp, one McpServer and StreamableHTTPServerTransport per session
// (stateful, session ids from randomUUID), enableJsonResponse so that a call is answered with one JSON
// document as ours is (not an event stream, which would be more work for this server than for ours).
// The token check is a static comparison (no JWT, no signature): the cheapest check there is, which only
// flatters this server against ours, whose token comes from the real OAuth flow.
//
// Run: PORT=8799 BENCH_TOKEN=secret node server.mjs (after npm ci in this folder).
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';

const port = Number(process.env.PORT ?? 8799);
const token = process.env.BENCH_TOKEN;
if (!token) {
    throw new Error('BENCH_TOKEN is not set');
}

const verifier = {
    async verifyAccessToken(presented) {
        if (presented !== token) {
            throw new InvalidTokenError('Unknown token');
        }
        return { token: presented, clientId: 'bench', scopes: ['mcp:call'], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
    }
};

function mcpServer() {
    const server = new McpServer({ name: 'bench-typescript-sdk', version: '1.0.0' });
    server.registerTool('add', {
        title: 'Add',
        description: 'Adds two numbers.',
        inputSchema: { a: z.number().describe('The first number'), b: z.number().describe('The second number') }
    }, async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }));
    return server;
}

const transports = new Map();
const app = createMcpExpressApp();
app.use('/mcp', requireBearerAuth({ verifier }));

app.post('/mcp', async (req, res) => {
    const sessionId = req.headers['mcp-session-id'];
    let transport = sessionId ? transports.get(sessionId) : undefined;
    if (!transport) {
        if (sessionId || !isInitializeRequest(req.body)) {
            res.status(sessionId ? 404 : 400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'No such session' }, id: null });
            return;
        }
        transport = new StreamableHTTPServerTransport({
            sessionIdGenerator: () => randomUUID(),
            enableJsonResponse: true,
            onsessioninitialized: id => transports.set(id, transport)
        });
        transport.onclose = () => transports.delete(transport.sessionId);
        await mcpServer().connect(transport);
    }
    await transport.handleRequest(req, res, req.body);
});

const server = app.listen(port, '127.0.0.1', () => console.log(`TypeScript SDK server on http://127.0.0.1:${port}/mcp`));
// Idle keep-alive connections are kept 30 s, as Liberty keeps them (persistTimeout), not Node's 5 s: on a machine
// this busy the load generator can be off the CPU for seconds, and Node's close then counts as a failed request.
server.keepAliveTimeout = 30000;
