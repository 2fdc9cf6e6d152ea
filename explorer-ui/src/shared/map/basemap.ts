// The map's background: Natural Earth's country borders (1:110m) from the world-atlas package, bundled with the
// explorer rather than fetched from a tile server, so showing a map sends no request anywhere else. The shapes are
// a chunk of their own, loaded by the first map shown and then kept.
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** TopoJSON → GeoJSON: world-atlas keeps the countries in the `countries` object. */
export function countriesOf(topology: Topology): FeatureCollection {
  const countries = topology.objects.countries as GeometryCollection | undefined;
  if (!countries) return { type: 'FeatureCollection', features: [] };
  return feature(topology, countries);
}

let loading: Promise<FeatureCollection> | undefined;

export function loadCountries(): Promise<FeatureCollection> {
  loading ??= import('world-atlas/countries-110m.json').then(
    (module) => countriesOf(module.default as unknown as Topology),
    (error: unknown) => {
      // A failed download (the network dropped) is tried again by the next map, not remembered.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
