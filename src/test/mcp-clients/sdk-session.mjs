// One session of the official TypeScript SDK client over Streamable HTTP, driven line by line, so that a test can act
// on the servers between two requests of the same client (stop one, kill one) as a long-lived application would meet it.
// Usage: MCP_ACCESS_TOKEN=... node sdk-session.mjs <mcp url>
// Connects (initialize), then prints {"id": 0, "result": {"sessionId": "..."}}. Then reads one command per line on
// stdin, {"id": N, "call": {"name": "add", "arguments": {...}}} or {"id": N, "list": "tools"}, and prints
// {"id": N, "result": ...} or {"id": N, "error": "..."}. Errors the transport reports between requests (a stream that
// broke) are printed as {"transportError": "..."}. Ends when stdin closes.
import readline from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url] = process.argv.slice(2);
const token = process.env.MCP_ACCESS_TOKEN;
const print = (value) => console.log(JSON.stringify(value));

try {
  const client = new Client({ name: 'sdk-session', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url),
    { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  client.onerror = (error) => print({ transportError: String(error?.message ?? error) });
  print({ id: 0, result: { sessionId: transport.sessionId } });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const command = JSON.parse(line);
    try {
      const result = command.list === 'tools' ? await client.listTools()
        : await client.callTool({ name: command.call.name, arguments: command.call.arguments });
      print({ id: command.id, result });
    } catch (error) {
      print({ id: command.id, error: String(error?.message ?? error) });
    }
  }
  await client.close();
  process.exit(0);
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(1);
}
