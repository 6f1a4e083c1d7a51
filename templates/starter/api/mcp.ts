// /api/mcp: the help center's read-only MCP server (Streamable HTTP) for assistants, from
// dist/assistant-data.json (bundled by includeFiles in vercel.json).
export { GET, POST, DELETE } from 'helpdesk-kit/feedback/runtimes/vercel';
