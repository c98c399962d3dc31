const km = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Rounds a computed distance to what its precision supports: 10 km steps above 100 km. */
export function formatKm(value: number): string {
  const rounded = value >= 100 ? Math.round(value / 10) * 10 : Math.round(value);
  return `${km.format(rounded)} km`;
}

/** Areas to the nearest 1,000 km²: simplified boundaries support no more. */
export function formatKm2(value: number): string {
  return `${km.format(Math.round(value / 1000) * 1000)} km²`;
}
