import type { ExtractOptions } from '@prompt-aug/plugin-api';
import { cutAtStopWords } from './stop-words.js';
import { pickBoxed } from './pick-boxed.js';
import { minervaAnswer, phraseAnswer } from './phrases.js';
import { paperExtract } from '../paper/last-boxed.js';
import { lastBold, lastMathSpan, lastNumber, lastProgramOutput } from './fallbacks.js';

export type Extraction = { answer: string; via: string } | { answer: null; reason: string };

/**
 * Longer responses are refused as a whole (no answer) rather than cut: reading only a tail
 * missed a long response's real box and let `\boxed{` + junk + `7}` pass as "7". Every
 * extraction step is linear, so even this size costs milliseconds.
 */
export const MAX_RESPONSE_CHARS = 2_000_000;
/** An answer region (e.g. inside `<answer>`) shorter than this may itself be the answer. */
const MAX_BARE_REGION = 200;

/** The response with GLM's `<|begin_of_box|>X<|end_of_box|>` read as a box. */
function tail(text: string): string {
  return text.includes('<|begin_of_box|>') ? text.replace(/<\|begin_of_box\|>([\s\S]*?)<\|end_of_box\|>/g, '\\boxed{$1}') : text;
}

/** Paper §2.5: the grader reads the last boxed answer only, over the whole response. */
function extractEval(response: string): Extraction {
  const boxed = pickBoxed(tail(response), { lastRunWins: true });
  if (!boxed) return { answer: null, reason: 'no-boxed-answer' };
  return boxed.answer === null ? boxed : { answer: boxed.answer, via: 'boxed' };
}

/** Paper §2.4, widened: stop words, Minerva sentence, boxes, phrases, bold, math span, number. */
function extractTrain(response: string, opts: ExtractOptions): Extraction {
  const format = opts.template?.answerFormat;
  const open = format?.enclosedBy?.open ?? '<answer>';
  const close = format?.enclosedBy?.close ?? '</answer>';
  const upToClose = cutAtStopWords(tail(response), close);
  const openAt = upToClose.lastIndexOf(open);
  if (openAt !== -1) {
    const region = upToClose.slice(openAt + open.length).trim();
    const found = fromText(region, format?.introducedBy, true);
    if (found) return found;
  }
  return fromText(upToClose, format?.introducedBy, false) ?? { answer: null, reason: 'no-answer' };
}

function fromText(text: string, introducedBy: string | undefined, isRegion: boolean): Extraction | undefined {
  const minerva = minervaAnswer(text);
  if (minerva) return { answer: minerva, via: 'minerva' };
  const boxed = pickBoxed(text);
  if (boxed) return boxed.answer === null ? boxed : { answer: boxed.answer, via: 'boxed' };
  const phrase = phraseAnswer(text, introducedBy);
  if (phrase) return { answer: phrase, via: 'phrase' };
  if (isRegion && text.length > 0 && text.length <= MAX_BARE_REGION) return { answer: text, via: 'answer-region' };
  const bold = lastBold(text);
  if (bold) return { answer: bold, via: 'bold' };
  const span = lastMathSpan(text);
  if (span) return { answer: span, via: 'math-span' };
  const output = lastProgramOutput(text);
  if (output) return { answer: output, via: 'program-output' };
  const number = lastNumber(text.replace(/[−–]/g, '-'));
  if (number) return { answer: number, via: 'last-number' };
  return undefined;
}

/** The answer of a response under the paper's train or eval rules, or null with a reason. */
export function extractWithReason(response: string, opts: ExtractOptions = {}): Extraction {
  if (response.length > MAX_RESPONSE_CHARS) return { answer: null, reason: 'response-too-long' };
  if (opts.mode === 'paper') {
    const answer = paperExtract(response);
    return answer === null ? { answer: null, reason: 'no-boxed-answer' } : { answer, via: 'paper-last-box' };
  }
  return (opts.mode ?? 'train') === 'eval' ? extractEval(response) : extractTrain(response, opts);
}

/** The answer of a response (see `extractWithReason`), or null when there is none. */
export function extractAnswer(response: string, opts: ExtractOptions = {}): string | null {
  return extractWithReason(response, opts).answer;
}
