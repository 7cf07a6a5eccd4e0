// Synthetic but realistically shaped responses for the scoring bench: per question k responses of
// ~2,000 characters of step-by-step text (Qwen2.5-Math's typical length) that end in the gold
// answer, a perturbed answer, a fraction, an expression, or no \boxed at all. Deterministic (seeded).
import { readFileSync } from 'node:fs';

const NAMES = ['aime24', 'amc', 'math500', 'minerva', 'olympiadbench'];
const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

function perturb(gold) {
  const m = [...gold.matchAll(/\d+/g)].pop();
  return m ? gold.slice(0, m.index) + String(BigInt(m[0]) + 1n) + gold.slice(m.index + m[0].length) : `${gold}+1`;
}

export function makeResponses(dataDir, k, seed = 7) {
  const random = rng(seed);
  const lines = [];
  for (const name of NAMES) {
    readJsonl(`${dataDir}/${name}.jsonl`).forEach((row, i) => {
      const gold = String(Array.isArray(row.answer) ? row.answer[0] : row.answer).trim();
      for (let s = 0; s < k; s++) {
        const steps = [];
        while (steps.join('\n').length < 1900) {
          const a = Math.floor(random() * 90) + 10;
          const b = Math.floor(random() * 90) + 10;
          steps.push(`Step ${steps.length + 1}: from the problem, ${a} \\times ${b} = ${a * b}, so $\\frac{${a * b}}{${b}} = ${a}$ and we continue with $x^2 + ${a}x - ${b} = 0$.`);
        }
        const r = random();
        const answer = r < 0.45 ? gold : r < 0.7 ? perturb(gold) : r < 0.8 ? `\\frac{${Math.floor(random() * 50) + 1}}{${Math.floor(random() * 50) + 2}}` : r < 0.9 ? `2\\sqrt{${Math.floor(random() * 20) + 2}} + \\pi` : null;
        const ending = answer === null ? 'I am not sure of the final value.' : `Therefore, the final answer is $\\boxed{${answer}}$.`;
        const line = { benchmark: name, response: `${row.problem.slice(0, 200)}\n${steps.join('\n')}\n${ending}` };
        if (s % 2 === 0) line.id = i; else line.problem = row.problem;
        lines.push(line);
      }
    });
  }
  return lines;
}
