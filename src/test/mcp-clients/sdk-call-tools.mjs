// Calls tools with the official TypeScript SDK client over Streamable HTTP (or HTTP+SSE when the URL's path ends
// with /sse), as a JavaScript application would:
// the calls are JSON text read with JSON.parse, so a number argument becomes a binary double on the way, as in
// every JavaScript client (MCP Inspector, mcp-remote), and a string stays a string.
// Usage: MCP_ACCESS_TOKEN=... node sdk-call-tools.mjs <mcp url> '[{"name": "add", "arguments": {"a": "0.1", "b": 1}}, ...]'
// An entry {"list": "tools"} lists the tools instead (tools/list, every page).
// Prints {"results": [...], "sessionId": "..."} and exits 0, or prints the error and exits 1.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const [url, callsJson] = process.argv.slice(2);
const token = process.env.MCP_ACCESS_TOKEN;
async function listTools(client) {
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return { tools };
}

try {
  const calls = JSON.parse(callsJson);
  const client = new Client({ name: 'sdk-call-tools', version: '1.0.0' });
  const options = token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {};
  const transport = new URL(url).pathname.endsWith('/sse')
    ? new SSEClientTransport(new URL(url), options)
    : new StreamableHTTPClientTransport(new URL(url), options);
  await client.connect(transport);
  const sessionId = transport.sessionId;
  const results = [];
  for (const call of calls) {
    results.push(call.list === 'tools' ? await listTools(client) : await client.callTool({ name: call.name, arguments: call.arguments }));
  }
  await client.close();
  console.log(JSON.stringify({ results, sessionId }));
  process.exit(0);
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(1);
}
