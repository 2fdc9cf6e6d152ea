// The layers a registry map draws, built apart from the map so their content can be checked on its own. Every
// shape is an SVG vector: circle markers need no icon image, and the SVG renderer is made directly because
// Leaflet's `svg()` factory answers null where the browser lacks a detail it probes for.
import type { FeatureCollection } from 'geojson';
import {
  SVG,
  circleMarker,
  featureGroup,
  geoJSON,
  type FeatureGroup,
  type GeoJSON,
  type GeoJSONOptions,
  type PathOptions,
} from 'leaflet';
import type { RouteLocationRaw } from 'vue-router';
import type { LocationGeometry } from './geometry';

/** A programme (or anything with a page) shown as one point. */
export interface MapPlace {
  id: string;
  /** [longitude, latitude], as GeoJSON and the API give it. */
  position: readonly [number, number];
  title: string;
  detail: string;
  /** Its page, linked from the marker's popup. */
  to: RouteLocationRaw;
}

export const BASEMAP_PANE = 'basemap';

const COUNTRY_STYLE: PathOptions = {
  color: '#8a9a8f',
  weight: 0.75,
  fillColor: '#f4f1e8',
  fillOpacity: 1,
  interactive: false,
};

const PROGRAMME_STYLE: PathOptions = { color: '#0b3d2e', weight: 2, fillColor: '#1f6f4a', fillOpacity: 0.35 };

const MARKER_STYLE = { ...PROGRAMME_STYLE, radius: 7, fillOpacity: 0.8 };

// Leaflet hands a GeoJSON layer's options to each shape it makes, renderer included, though its types omit it.
type ShapeOptions = GeoJSONOptions & Pick<PathOptions, 'renderer'>;

/** Country shapes under everything else, in their own pane, never catching a click meant for a programme. */
export function countriesLayer(countries: FeatureCollection): GeoJSON {
  const options: ShapeOptions = {
    pane: BASEMAP_PANE,
    renderer: new SVG({ pane: BASEMAP_PANE }),
    style: () => COUNTRY_STYLE,
  };
  return geoJSON(countries, options);
}

/** A programme's location: its areas as shapes, a point as a circle marker. */
export function geometryLayer(geometry: LocationGeometry): GeoJSON {
  const renderer = new SVG();
  const options: ShapeOptions = {
    renderer,
    style: () => PROGRAMME_STYLE,
    pointToLayer: (_point, latLng) => circleMarker(latLng, { ...MARKER_STYLE, renderer }),
  };
  return geoJSON(geometry, options);
}

/** One circle marker per place, each opening a popup made by `popup` (DOM nodes, so titles are never HTML). */
export function placesLayer(places: readonly MapPlace[], popup: (place: MapPlace) => HTMLElement): FeatureGroup {
  const renderer = new SVG();
  return featureGroup(
    places.map((place) =>
      circleMarker([place.position[1], place.position[0]], { ...MARKER_STYLE, renderer }).bindPopup(() => popup(place)),
    ),
  );
}
