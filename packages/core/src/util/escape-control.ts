/**
 * Text from a file (a bad dataset line, a field value) shown in a message: control characters
 * (ESC sequences that clear or retitle the terminal, bells, carriage returns, C1 controls,
 * bidi overrides) are printed as escapes, so a message shows the bytes instead of obeying them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
