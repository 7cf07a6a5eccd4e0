/** End-of-turn markers; the paper's training reward keeps only the text before each (§2.4). */
const STOP_WORDS = ['</s>', '<|im_end|>', '<|endoftext|>', '[END]', '</answer>', '<|im_start|>'];
const ASSISTANT_START = '<|im_start|>assistant';

/** The assistant's reply, cut at the first stop word (in the paper's order). */
export function cutAtStopWords(response: string, closeTag?: string): string {
  let text = response;
  const at = text.lastIndexOf(ASSISTANT_START);
  if (at !== -1) text = text.slice(at + ASSISTANT_START.length);
  const stops = closeTag && !STOP_WORDS.includes(closeTag) ? [...STOP_WORDS, closeTag] : STOP_WORDS;
  for (const stop of stops) {
    const i = text.indexOf(stop);
    if (i !== -1) text = text.slice(0, i);
  }
  return text.trim();
}
