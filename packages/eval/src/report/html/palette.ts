/** Series colours shared by every chart of the reports (distinct on white, colour-blind-friendly order first). */
export const SERIES_COLOURS = ['#0f766e', '#2563eb', '#d97706', '#7c3aed', '#dc2626', '#059669', '#db2777', '#475569'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}
