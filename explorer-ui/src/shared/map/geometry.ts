// A programme's location geometry, read from its ledger record (free-form in the API schema). The chaincode only
// accepts a GeoJSON Point, Polygon or MultiPolygon; anything else here (an older record, a damaged one) is treated
// as no geometry rather than drawn wrong.
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';

export type LocationGeometry = Point | Polygon | MultiPolygon;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** A closed ring needs at least four positions (the last repeats the first). */
const isRing = (value: unknown): boolean => Array.isArray(value) && value.length >= 4 && value.every(isPosition);

const isPolygon = (value: unknown): value is Position[][] =>
  Array.isArray(value) && value.length > 0 && value.every(isRing);

const isMultiPolygon = (value: unknown): value is Position[][][] =>
  Array.isArray(value) && value.length > 0 && value.every(isPolygon);

function geometryOf(type: unknown, coordinates: unknown): LocationGeometry | undefined {
  if (type === 'Point' && isPosition(coordinates)) return { type, coordinates };
  if (type === 'Polygon' && isPolygon(coordinates)) return { type, coordinates };
  if (type === 'MultiPolygon' && isMultiPolygon(coordinates)) return { type, coordinates };
  return undefined;
}

export function locationGeometry(record: Readonly<Record<string, unknown>>): LocationGeometry | undefined {
  const location = isObject(record.location) ? record.location : {};
  return isObject(location.geometry) ? geometryOf(location.geometry.type, location.geometry.coordinates) : undefined;
}

/** How many separate areas the geometry has (for its text alternative); 0 for a point. */
export function areaCount(geometry: LocationGeometry): number {
  if (geometry.type === 'Point') return 0;
  return geometry.type === 'Polygon' ? 1 : geometry.coordinates.length;
}
