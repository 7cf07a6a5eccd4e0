import { createHash } from 'node:crypto';
import { escapeHtml } from './escape-html.js';

// Inline only: the report must open from disk with no network (no fonts, scripts or CDNs).
const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bar: #3b82f6; --good: #15803d; --bad: #b91c1c; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.averages { display: flex; gap: 16px; margin: 16px 0; }
.average { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; }
.average .value { font-size: 26px; font-weight: 600; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
details { margin: 4px 0; } summary { cursor: pointer; }
details.question { border-left: 3px solid var(--line); padding-left: 8px; }
details.question.correct { border-left-color: var(--good); } details.question.wrong { border-left-color: var(--bad); }
pre { white-space: pre-wrap; word-break: break-word; background: #f5f7fa; padding: 8px; border-radius: 6px; max-height: 420px; overflow: auto; }
.ok { color: var(--good); } .no { color: var(--bad); } .note, .warning { color: var(--muted); }
`;

/**
 * A complete, self-contained HTML document around `body` (already-safe HTML). `script`, when
 * given, is the page's one inline script: the Content-Security-Policy allows exactly that text
 * (by its SHA-256), so nothing else can run even if some markup slipped through unescaped.
 */
export function pageShell(title: string, body: string, options: { script?: string } = {}): string {
  const scriptSrc = options.script === undefined ? '' : `; script-src 'sha256-${createHash('sha256').update(options.script).digest('base64')}'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:${scriptSrc}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${options.script === undefined ? '' : `<script>${options.script}</script>`}
</body>
</html>
`;
}
