// Calls tools with the official TypeScript SDK client over Streamable HTTP, as a JavaScript application would:
// the calls are JSON text read with JSON.parse, so a number argument becomes a binary double on the way, as in
// every JavaScript client (MCP Inspector, mcp-remote), and a string stays a string.
// Usage: MCP_ACCESS_TOKEN=... node sdk-call-tools.mjs <mcp url> '[{"name": "add", "arguments": {"a": "0.1", "b": 1}}, ...]'
// Prints {"results": [...]} and exits 0, or prints the error and exits 1.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, callsJson] = process.argv.slice(2);
const token = process.env.MCP_ACCESS_TOKEN;
try {
  const calls = JSON.parse(callsJson);
  const client = new Client({ name: 'sdk-call-tools', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url),
    token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {}));
  const results = [];
  for (const call of calls) {
    results.push(await client.callTool({ name: call.name, arguments: call.arguments }));
  }
  await client.close();
  console.log(JSON.stringify({ results }));
  process.exit(0);
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(1);
}
