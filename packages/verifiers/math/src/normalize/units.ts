/**
 * Unit words that may trail a numeric answer (`10\text{ cm}^2`, `125 miles`, `72 degrees`).
 * Single letters are not listed: they are too often variables.
 */
const UNIT_WORDS = [
  'units?', 'square', 'sq', 'cubic', 'cm', 'mm', 'km', 'meters?', 'metres?', 'centimeters?', 'kilometers?',
  'inch(?:es)?', 'in\\.', 'feet', 'foot', 'ft', 'yards?', 'yd', 'miles?', 'mi', 'mph', 'kph', 'km/h', 'm/s',
  'kg', 'grams?', 'gm', 'kilograms?', 'pounds?', 'lbs?', 'ounces?', 'oz', 'tons?', 'liters?', 'litres?', 'ml',
  'gallons?', 'cups?', 'seconds?', 'sec', 'minutes?', 'min', 'hours?', 'hrs?', 'days?', 'weeks?', 'months?',
  'years?', 'dollars?', 'cents?', 'euros?', 'degrees?', 'deg', 'radians?', 'rad', 'percent', 'pct', 'points?',
  'ways?', 'people', 'persons?', 'students?', 'times', 'digits?', 'integers?', 'numbers?', 'steps?', 'pages?',
  'items?', 'pieces?', 'boxes', 'coins?', 'cards?', 'marbles?', 'apples?', 'books?', 'games?', 'handshakes?',
  'triangles?', 'squares?', 'cubes?', 'sides?', 'edges?', 'vertices', 'faces?', 'terms?', 'rows?', 'letters?',
  'numerals?', 'values?', 'solutions?', 'roots?', 'cookies', 'candies', 'balls?', 'tiles?', 'seats?', 'grades?',
  'ergs?', 'calories', 'kcal', 'joules?', 'watts?', 'volts?', 'newtons?', 'kelvins?', 'angstroms?', 'ångströms?',
  'arcsec(?:onds?)?', 'arcmin(?:utes?)?', 'light[- ]?years?', 'parsecs?', 'yr', 'yrs', 'Gyr', 'Myr', 'mL',
  'm', 'g', 's', 'h', 'K', 'J', 'N', 'W', 'V', 'Hz', 'eV', 'nm', 'pc', 'kpc', 'Mpc', 'AU', 'ly', 'Pa', 'atm',
  'erg', 'L', 'cal', 'keV', 'MeV', 'GeV', 'kW', 'MW', 'GW', 'kHz', 'MHz', 'GHz', 'T', 'C', 'A', 'mA', 'F', 'Wb', 'sr',
  'km/s', 'cm/s', 'erg/s',
];

/** Units that are single letters or physics symbols: only stripped when written as `\text{…}`. */
const TEXT_ONLY = new Set(['m', 'g', 's', 'h', 'K', 'J', 'N', 'W', 'V', 'Hz', 'eV', 'nm', 'pc', 'kpc', 'Mpc', 'AU', 'ly', 'Pa', 'atm',
  'erg', 'L', 'cal', 'keV', 'MeV', 'GeV', 'kW', 'MW', 'GW', 'kHz', 'MHz', 'GHz', 'T', 'C', 'A', 'mA', 'F', 'Wb', 'sr', 'mL',
  'km/s', 'cm/s', 'erg/s', 'yr', 'yrs', 'Gyr', 'Myr']);

const WORD_ALT = UNIT_WORDS.filter((w) => !TEXT_ONLY.has(w)).join('|');
const POWER = '(?:\\^\\{?[23]\\}?)?';
const BARE_UNIT_TAIL = new RegExp(`(?<=[\\d}).\\s])\\s*(?:(?:${WORD_ALT})\\b\\.?${POWER}\\s*)+$`, 'i');
const UNIT_ONLY_TEXT = new RegExp(`^\\s*(?:(?:${UNIT_WORDS.join('|')})\\.?${POWER}[\\s/]*)+$`);

/** True when a `\text{…}` body holds only unit words (so it can be dropped after a number). */
export function isUnitText(body: string): boolean {
  return UNIT_ONLY_TEXT.test(body);
}

/** Drop trailing bare unit words (`10 square units` -> `10`). */
export function stripBareUnits(s: string): string {
  const out = s.replace(BARE_UNIT_TAIL, '').trim();
  // Only a quantity has a unit: "no solution" keeps its last word.
  return /[\d})]$/.test(out) ? out : s;
}
