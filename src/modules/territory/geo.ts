/** A point in WGS84 degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Mean Earth radius (IUGG), km. */
const earthRadiusKm = 6371.0088;
const radians = Math.PI / 180;

/** Great-circle ("à vol d'oiseau") distance in km between two points, by the haversine formula. */
export function distanceKm(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

const kmFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const kmFormatShort = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "42 km", or "3,5 km" under 10 km. */
export function formatKm(km: number): string {
  return `${(km < 10 ? kmFormatShort : kmFormat).format(km)} km`;
}
