import { describe, expect, it } from 'vitest';
import { isEquivalent } from '../src/index.js';

const yes = (gold: string, cand: string) => expect(isEquivalent(gold, cand), `${gold} ~ ${cand}`).toBe(true);
const no = (gold: string, cand: string) => expect(isEquivalent(gold, cand), `${gold} !~ ${cand}`).toBe(false);

describe('integers and rationals compare exactly', () => {
  it('equal forms of the same rational', () => {
    yes('\\frac{1}{2}', '0.5');
    yes('\\dfrac{6}{8}', '3/4');
    yes('\\tfrac34', '\\frac{3}{4}');
    yes('\\frac12', '\\frac{1}{2}');
    yes('-\\frac{2}{3}', '\\frac{-2}{3}');
    yes('004', '4');
    yes('2^{10}', '1024');
    no('\\frac{1}{3}', '\\frac{1}{2}');
    no('-6', '-5');
  });

  it('has no float rounding: tiny and huge values stay distinct', () => {
    no('\\frac{1}{2004!}', '\\frac{1}{2006!}');
    no('\\frac{1}{2^{99}}', '\\frac{1}{2^{98}}');
    no('2^{200}+1', '2^{200}');
    yes('\\frac{2006!}{2004!}', '2006 \\cdot 2005');
    yes('\\binom{2024}{990}', '\\binom{2024}{1034}');
  });

  it('mixed numbers, repeating decimals and scientific notation', () => {
    yes('1\\frac12', '1.5');
    yes('2 1/3', '\\frac{7}{3}');
    no('2\\frac59', '2.625');
    yes('0.\\overline{3}', '\\frac{1}{3}');
    yes('0.1(6)', '\\frac{1}{6}');
    yes('3 \\times 10^{8}', '300000000');
    yes('1.5e8', '1.5 \\times 10^8');
    no('3 \\times 10^{8}', '3.0 \\times 10^{9}');
  });
});

describe('decimals: correct to the last written digit', () => {
  it('a gold decimal accepts candidates that round to it', () => {
    yes('16386.17', '16386.169');
    yes('4.123105625617661', '\\sqrt{17}');
    yes('7.78', '\\frac{70}{9}');
    yes('5.0', '5');
    yes('.1, 4.0', '0.1, 4');
    no('24.310', '24.311');
    no('16386.17', '16386.2');
    no('0.5', '\\frac{\\sqrt{2}}{3}');
    yes('1.41', '\\sqrt{2}');
    no('1.42', '\\sqrt{2}');
    no('1.4', '\\sqrt{2}');
    yes('4.123105625617661', '\\sqrt{17}');
    no('4.123105625617662', '\\sqrt{17}');
  });

  it('a decimal candidate for an exact gold must be within 1e-6 relative', () => {
    yes('\\pi', '3.14159');
    no('\\pi', '3.1416');
    no('\\sqrt{3}', '1.732');
    no('\\pi', '3.14');
    no('2\\pi', '6.28');
    no('\\frac{1}{3}', '0.33');
  });
});

describe('separators, percent, currency, units and degrees', () => {
  it('thousands separators and decimal commas', () => {
    yes('1000', '1 000');
    yes('14{,}916', '14916');
    yes('3,\\!250', '3250');
    yes('12000023', '12,000,023');
    yes('1000.99', '1000,99');
    no('1000.99', '1000,98');
  });

  it('percent rule: the sign may be dropped or read as /100, on either side', () => {
    yes('25\\%', '25');
    yes('25\\%', '0.25');
    yes('25', '25\\%');
    yes('0.25', '25\\%');
    yes('28\\%', '28 percent');
    no('25', '0.25');
    no('11\\%', '10');
    no('29\\%', '28 pct');
  });

  it('currency, unit words, \\text{} units and degrees are notation', () => {
    yes('\\$18.90', '18.90');
    yes('\\$10', '10 dollars');
    yes('10\\text{ cm}^2', '10');
    yes('125 \\text{ miles}', '125\\textnormal{ miles}');
    yes('10 square units', '10');
    yes('90^\\circ', '90');
    yes('30', '30^{\\circ}');
    no('73', '72 degrees');
  });
});
