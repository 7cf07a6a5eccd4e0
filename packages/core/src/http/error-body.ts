/**
 * The human message inside an inference server's error body. The shapes seen in the engines'
 * docs and code (fixtures in test/fixtures name the versions):
 * - OpenAI and vLLM ≥ 0.10: `{"error": {"message", "type", "param", "code"}}`
 * - vLLM ≤ 0.9 and SGLang's OpenAI routes: `{"object": "error", "message", "type", "param", "code"}`
 * - SGLang native routes: `{"error": {"message"}}`, or `{"success": false, "message"}` from control endpoints
 * - FastAPI validation errors: `{"detail": [{"loc", "msg", "type"}]}` or `{"detail": "text"}`
 */
export function errorBodyMessage(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return snippet(text);
  }
  const body = json as { error?: unknown; message?: unknown; detail?: unknown };
  if (typeof body?.error === 'object' && body.error !== null && typeof (body.error as { message?: unknown }).message === 'string') {
    return (body.error as { message: string }).message;
  }
  if (typeof body?.error === 'string') return body.error;
  if (typeof body?.message === 'string') return body.message;
  if (typeof body?.detail === 'string') return body.detail;
  if (Array.isArray(body?.detail)) {
    return body.detail
      .map((d: { loc?: unknown[]; msg?: unknown }) => `${Array.isArray(d.loc) ? d.loc.join('.') : '?'}: ${String(d.msg)}`)
      .join('; ');
  }
  return snippet(text);
}

function snippet(text: string): string {
  const t = text.trim();
  return t ? JSON.stringify(t.length > 200 ? `${t.slice(0, 200)}…` : t) : '(empty body)';
}
