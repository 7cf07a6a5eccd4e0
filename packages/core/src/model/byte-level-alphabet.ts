/**
 * GPT-2's byte-to-unicode table: every byte gets a printable character so byte-level BPE
 * vocabularies are plain strings (space → "Ġ", newline → "Ċ"). Printable bytes map to
 * themselves and come first, in byte order; the rest map to U+0100 upwards. This order is
 * also the id order of the 256 base tokens in GPT-2/Qwen2 vocabularies.
 */
export function byteLevelAlphabet(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const chars = printable.map((b) => String.fromCharCode(b));
  let next = 256;
  for (let b = 0; b < 256; b++) if (!printable.includes(b)) chars.push(String.fromCharCode(next++));
  return chars;
}
