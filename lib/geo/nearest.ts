// Pure geography for "the nearest trading platform": no database, no browser API, so the wizard (in the
// browser) and tests use the same code.

export type LatLng = { latitude: number; longitude: number };

const EARTH_RADIUS_KM = 6371.0088; // mean Earth radius (IUGG)
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km between two WGS-84 points (haversine formula on a sphere). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The item nearest to `here` among those with coordinates (ties: the first listed), with its distance; null when none has any. */
export function nearest<T extends { latitude: number | null; longitude: number | null }>(items: readonly T[], here: LatLng): { item: T; km: number } | null {
  let best: { item: T; km: number } | null = null;
  for (const item of items) {
    if (item.latitude === null || item.longitude === null) continue;
    const km = distanceKm(here, { latitude: item.latitude, longitude: item.longitude });
    if (!best || km < best.km) best = { item, km };
  }
  return best;
}
