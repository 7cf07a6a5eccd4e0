/**
 * Escape text for HTML element content and quoted attribute values. Model output is untrusted:
 * everything that reaches the page from a response, prompt, answer or file name goes through here.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
