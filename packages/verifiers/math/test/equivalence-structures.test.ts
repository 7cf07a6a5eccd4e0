import { describe, expect, it } from 'vitest';
import { isEquivalent } from '../src/index.js';

const yes = (gold: string, cand: string) => expect(isEquivalent(gold, cand), `${gold} ~ ${cand}`).toBe(true);
const no = (gold: string, cand: string) => expect(isEquivalent(gold, cand), `${gold} !~ ${cand}`).toBe(false);

describe('tuples are ordered', () => {
  it('compares element by element', () => {
    yes('(1,\\frac{9}{2})', '(1,4.5)');
    yes('\\left( 3, \\frac{\\pi}{2} \\right)', '(3, \\frac{\\pi}{2})');
    yes('(p,q)=(3,2)', '(3, 2)');
    no('(3,2)', '(2,3)');
    no('(1,\\frac{9}{3})', '(1,4.5)');
  });

  it('named components against a bare list keep their order', () => {
    yes('x = 1, y = 2, z = 3', '1, 2, 3');
    yes('p=5,q=2;p=7,q=2', '(5,2),(7,2)');
    no('[0,1]', '0, 1');
    no('a=1, b=2', '(2, 1)');
  });
});

describe('sets and unordered lists', () => {
  it('ignore order and accept \\pm', () => {
    yes('1, 2, 3', '1, 3, 2');
    yes('\\{x, x - 1\\}', '\\{x - 1, x\\}');
    yes('-2,1', '1, -2');
    yes('1 \\pm \\sqrt{19}', '1-\\sqrt{19}, 1+\\sqrt{19}');
    yes('\\pm 2021', '\\{-2021, 2021\\}');
    yes('(2,1),(1,2)', '(1, 2), (2, 1)');
    yes('1, 2 \\text{ and } 3', '1,2,3');
  });

  it('need the same members, no more and no fewer', () => {
    no('\\pm 2021', '2021');
    no('\\sqrt{67},-\\sqrt{85}', '\\sqrt{67}');
    no('1, -3', '-2, 1');
    no('\\{x, x - 2\\}', '\\{x - 1, x\\}');
    no('7, -2, \\text{ and } -6', '-5,-2,7');
  });
});

describe('intervals and unions', () => {
  it('respect open and closed ends', () => {
    yes('[0,1)', '[0, 1)');
    yes('x \\in [0.5, \\infty)', '[1/2, \\infty)');
    no('(-\\infty,3]', '(-\\infty, 3)');
    no('[0,9)', '[0,1)');
    no('[1, 2)', '[x, y)');
  });

  it('compare unions piecewise, in any order', () => {
    yes('(-\\infty,-3] \\cup [2,\\infty)', '[2, \\infty) \\cup (-\\infty, -3]');
    yes('(-\\infty, \\infty)', '\\mathbb{R}');
    no('(-\\infty,-3] \\cup [2,\\infty)', '(-\\infty,-3) \\cup [2,\\infty)');
    no('[-1, -\\frac{1}{2}) \\cup (0, 2)', '[-1, -\\tfrac12) \\cup (0, 1)');
  });

  it('reads "or" between relations as a union, and x ≠ a as two rays', () => {
    yes('(-\\infty, 2) \\cup (3, \\infty)', 'x < 2 \\text{ or } x > 3');
    yes('x \\le -1 \\text{ or } x \\ge 1', '(-\\infty,-1] \\cup [1,\\infty)');
    yes('(-\\infty, 0) \\cup (0, \\infty)', 'x \\neq 0');
    yes('1, 2', 'x = 1 \\text{ or } x = 2');
    no('(-\\infty, 2) \\cup (3, \\infty)', 'x < 2 \\text{ or } x \\ge 3');
  });
});

describe('matrices', () => {
  it('compare entries; pmatrix, bmatrix and array are the same thing', () => {
    yes('\\begin{pmatrix}1 & 2 \\\\3 & 4\\end{pmatrix}', '\\left[\\begin{array}{cc}1 & 2 \\\\3 & 4\\end{array}\\right]');
    yes('\\begin{pmatrix}\\frac12 \\\\ 2\\end{pmatrix}', '\\begin{bmatrix}0.5 \\\\ 2\\end{bmatrix}');
    no('\\begin{pmatrix}1\\\\2\\end{pmatrix}', '\\begin{pmatrix} 2 \\\\ 1 \\end{pmatrix}');
    no('\\begin{pmatrix}1 & 0 \\\\ 0 & 2\\end{pmatrix}', '\\begin{pmatrix}1 & 0 \\\\ 0 & 1\\end{pmatrix}');
    no('\\begin{pmatrix}1 & 2\\end{pmatrix}', '\\begin{pmatrix}1 \\\\ 2\\end{pmatrix}');
  });

  it('a one-column or one-row matrix equals the tuple of its entries', () => {
    yes('\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}', '(1, -2)');
    yes('(3, 4, 5)', '\\begin{pmatrix} 3 & 4 & 5 \\end{pmatrix}');
    no('\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}', '(-2, 1)');
    no('\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}', '[1, 2]');
  });

  it('works out sums and products of literal matrices', () => {
    const m = (rows: string) => `\\begin{pmatrix}${rows}\\end{pmatrix}`;
    yes(m('7 & 10 \\\\ 15 & 22'), `${m('1 & 2 \\\\ 3 & 4')} ${m('1 & 2 \\\\ 3 & 4')}`);
    yes(m('6 & 8 \\\\ 10 & 12'), `${m('1 & 2 \\\\ 3 & 4')} + ${m('5 & 6 \\\\ 7 & 8')}`);
    yes(m('x & 0 \\\\ 0 & x'), `${m('x & 0 \\\\ 0 & 1')} \\cdot ${m('1 & 0 \\\\ 0 & x')}`);
    no(m('6 & 8 \\\\ 10 & 13'), `${m('1 & 2 \\\\ 3 & 4')} + ${m('5 & 6 \\\\ 7 & 8')}`);
    no(m('1 & 2'), `${m('1 & 2')} ${m('3 & 4')}`);
  });
});
