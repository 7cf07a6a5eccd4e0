/**
 * Answers introduced by a phrase: Minerva's "final answer is $X$. I hope", "Final Answer:",
 * "the answer is", "Answer:" and a template's own `introducedBy` phrase.
 */

/** Minerva / lm-eval: `The final answer is $X$. I hope it is correct.` (highest priority). */
export function minervaAnswer(text: string): string | undefined {
  const re = /final answer is \$(.+?)\$\.? ?I hope/gis;
  let last: string | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[1];
  return last;
}

/** Text after the last occurrence of `phrase` (case-insensitive), up to the end of its line. */
export function afterPhrase(text: string, phrase: string): string | undefined {
  const lower = text.toLowerCase();
  const at = lower.lastIndexOf(phrase.toLowerCase());
  if (at === -1) return undefined;
  const rest = text.slice(at + phrase.length);
  const line = rest.replace(/^[\s:]*/, '').split(/\n\s*\n|\n(?=\S)/)[0] ?? '';
  return line.trim() === '' ? undefined : line;
}

const PHRASES = ['final answer is', 'final answer:', 'he answer is', 'answer is:', 'answer:'];

/** The phrase answers in the order the paper's parser tries them, then the looser "Answer:". */
export function phraseAnswer(text: string, introducedBy?: string): string | undefined {
  if (introducedBy) {
    const found = afterPhrase(text, introducedBy);
    if (found !== undefined) return tidyPhraseAnswer(found);
  }
  for (const phrase of PHRASES) {
    const found = afterPhrase(text, phrase);
    if (found !== undefined) {
      const tidy = tidyPhraseAnswer(found);
      if (tidy !== '') return tidy;
    }
  }
  return undefined;
}

const PROSE_WORD = /(?<![\\a-zA-Z])[a-zA-Z]{3,}(?![a-zA-Z{])/g;

/** Strip a phrase answer down to the answer: drop the "I hope" tail, prose and trailing dots. */
export function tidyPhraseAnswer(raw: string): string {
  let s = raw.replace(/\s*I hope it is correct\.?.*$/is, '').trim();
  s = s.replace(/^\*\*(.+?)\*\*/, '$1').replace(/^[\s:]+/, '');
  // "The volume of $ABCD$ is 120." -> the part after the last " is ".
  const words = s.match(PROSE_WORD)?.filter((w) => !/^(sqrt|frac|pi|and|or)$/i.test(w)) ?? [];
  if (words.length >= 2) {
    const is = s.toLowerCase().lastIndexOf(' is ');
    if (is !== -1) s = s.slice(is + 4);
  }
  const env = /\$([^$]+)\$/.exec(s) ?? /\\\((.+?)\\\)/.exec(s);
  if (env) return env[1]!.trim();
  s = s.replace(/[.\s]+$/, '').trim();
  const stillProse = (s.match(PROSE_WORD) ?? []).filter((w) => !/^(sqrt|frac|pi|and|or|text)$/i.test(w));
  if (stillProse.length >= 2) {
    // "\frac{1}{2} square units": the math before the first word; "Jane is 3 years": the number.
    const lead = s.slice(0, s.search(new RegExp(`\\b${stillProse[0]}\\b`))).trim();
    if (/[\d\\]/.test(lead)) return lead;
    const numbers = s.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? [];
    return numbers.length === 1 ? numbers[0]! : '';
  }
  return s;
}
