// One point per programme, for maps that show many programmes at once: computed from the location geometry the
// programme was submitted with (GeoJSON Point, Polygon or MultiPolygon, [longitude, latitude]).
//
// Areas give their area-weighted centroid (holes subtracted), in plain longitude/latitude: at the size of a
// programme the Earth's curvature moves it by far less than a marker's width. A centroid may fall outside a
// crescent-shaped area; a marker near it still says where the programme is. Shapes that cross the antimeridian are
// not unwrapped. The input is read defensively, as stored records outlive the schema that checked them.

export type Position = [longitude: number, latitude: number];

/** ~0.1 m: enough for a marker, and the same answer whatever the order of floating-point sums. */
const DECIMALS = 1e6;

// `|| 0` turns -0 into 0, which JSON would print the same but comparisons would not.
const round = (value: number): number => Math.round(value * DECIMALS) / DECIMALS || 0;

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

const isRing = (value: unknown): value is Position[] => Array.isArray(value) && value.every(isPosition);

const isPolygon = (value: unknown): value is Position[][] => Array.isArray(value) && value.every(isRing);

/** A ring's area (positive whatever its winding) and centroid, by the shoelace formula. */
interface Moment {
  area: number;
  x: number;
  y: number;
}

function ringMoment(ring: readonly Position[]): Moment {
  let twiceArea = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as Position;
    const [x1, y1] = ring[i + 1] as Position;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return { area: 0, x: 0, y: 0 };
  return { area: Math.abs(twiceArea) / 2, x: x / (3 * twiceArea), y: y / (3 * twiceArea) };
}

/** The polygon's outer ring counts, its holes count against it. */
function polygonMoment(rings: readonly Position[][]): Moment {
  return rings.map(ringMoment).reduce(
    (sum, ring, index) => {
      const sign = index === 0 ? 1 : -1;
      return {
        area: sum.area + sign * ring.area,
        x: sum.x + sign * ring.area * ring.x,
        y: sum.y + sign * ring.area * ring.y,
      };
    },
    { area: 0, x: 0, y: 0 },
  );
}

/** Degenerate areas (every ring flat) still have a place: the middle of their outer rings' bounding box. */
function boundingBoxCentre(rings: readonly Position[][]): Position | null {
  const positions = rings.flat();
  if (positions.length === 0) return null;
  const xs = positions.map((p) => p[0]);
  const ys = positions.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

function areaPoint(polygons: readonly Position[][][]): Position | null {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const rings of polygons) {
    const moment = polygonMoment(rings);
    area += moment.area;
    x += moment.x;
    y += moment.y;
  }
  if (area > 0) return [x / area, y / area];
  return boundingBoxCentre(polygons.flatMap((rings) => rings.slice(0, 1)));
}

function polygonsOf(type: unknown, coordinates: unknown): Position[][][] | null {
  const polygons = type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : null;
  if (!Array.isArray(polygons)) return null;
  return polygons.every(isPolygon) ? polygons : null;
}

/** The programme's point: a Point itself, an area's centroid; null for anything else. */
export function representativePoint(geometry: unknown): Position | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  let point: Position | null;
  if (type === 'Point') point = isPosition(coordinates) ? [coordinates[0], coordinates[1]] : null;
  else {
    const polygons = polygonsOf(type, coordinates);
    point = polygons ? areaPoint(polygons) : null;
  }
  return point ? [round(point[0]), round(point[1])] : null;
}
