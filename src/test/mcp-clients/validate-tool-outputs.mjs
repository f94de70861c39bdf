// Lists the server's tools with the official TypeScript SDK client, calls each one with the example
// arguments given, and validates every structuredContent against the tool's outputSchema with Ajv.
// Usage: MCP_ACCESS_TOKEN=... node validate-tool-outputs.mjs <mcp url> <examples.json>; prints a JSON summary,
// exits 1 on any failure.
import fs from 'node:fs';
import Ajv from 'ajv';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, examplesFile] = process.argv.slice(2);
const examples = JSON.parse(fs.readFileSync(examplesFile, 'utf8'));
const client = new Client({ name: 'output-schema-check', version: '1.0.0' });
const token = process.env.MCP_ACCESS_TOKEN;
await client.connect(new StreamableHTTPClientTransport(new URL(url),
  token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {}));
const ajv = new Ajv({ strict: false, allErrors: true });
const failures = [];
const checked = [];
const { tools } = await client.listTools();
for (const tool of tools) {
  const args = examples[tool.name];
  if (args === undefined) {
    failures.push(`${tool.name}: no example arguments`);
    continue;
  }
  if (!tool.outputSchema) {
    failures.push(`${tool.name}: no outputSchema`);
    continue;
  }
  const result = await client.request({ method: 'tools/call', params: { name: tool.name, arguments: args } },
    (await import('@modelcontextprotocol/sdk/types.js')).CallToolResultSchema);
  if (result.isError) {
    failures.push(`${tool.name}: tool error ${JSON.stringify(result.content)}`);
    continue;
  }
  const validate = ajv.compile(tool.outputSchema);
  if (!validate(result.structuredContent)) {
    failures.push(`${tool.name}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(result.structuredContent)}`);
    continue;
  }
  checked.push(tool.name);
}
await client.close();
console.log(JSON.stringify({ tools: tools.length, checked, failures }));
process.exit(failures.length === 0 ? 0 : 1);
