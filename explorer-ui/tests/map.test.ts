import { flushPromises, mount } from '@vue/test-utils';
import { CircleMarker, Polygon, type Layer } from 'leaflet';
import { describe, expect, it, vi } from 'vitest';
import atlas from 'world-atlas/countries-110m.json';
import ProgrammePage from '../src/features/programme/ProgrammePage.vue';
import { i18n, setLocale } from '../src/i18n';
import { routes } from '../src/router';
import GeoMap from '../src/shared/map/GeoMap.vue';
import { countriesOf } from '../src/shared/map/basemap';
import { areaCount, locationGeometry } from '../src/shared/map/geometry';
import { BASEMAP_PANE, geometryLayer, placesLayer, type MapPlace } from '../src/shared/map/map-layers';
import type { Topology } from 'topojson-specification';
import { createMemoryHistory, createRouter } from 'vue-router';
import { programme } from './fixtures';
import { programmeWithAreas } from './home-fixtures';
import { mountPage, stubApi, withReferenceData, type Answer } from './support';

const ring = [
  [36, -2],
  [38, -2],
  [38, 0],
  [36, 0],
  [36, -2],
];
const point = { type: 'Point' as const, coordinates: [35.6, 3.1] };
const polygon = { type: 'Polygon' as const, coordinates: [ring] };
const twoAreas = { type: 'MultiPolygon' as const, coordinates: [[ring], [ring.map(([x = 0, y = 0]) => [x + 3, y])]] };
const place = (id: string, title: string, position: [number, number]): MapPlace => ({
  id,
  title,
  position,
  detail: 'Authorised · Energy',
  to: { name: 'programme', params: { externalId: id } },
});

describe('location geometry of a programme record', () => {
  it('reads a Point, a Polygon and a MultiPolygon, and counts their areas', () => {
    for (const geometry of [point, polygon, twoAreas]) {
      expect(locationGeometry({ location: { regions: [], geometry } })).toEqual(geometry);
    }
    expect([point, polygon, twoAreas].map(areaCount)).toEqual([0, 1, 2]);
  });

  it('is nothing for a record without one, or with one the chaincode would never have accepted', () => {
    const broken = [
      undefined,
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      { type: 'Point', coordinates: ['35.6', 3.1] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      { type: 'MultiPolygon', coordinates: [] },
    ];
    expect(locationGeometry({})).toBeUndefined();
    for (const geometry of broken) expect(locationGeometry({ location: { geometry } })).toBeUndefined();
  });
});

describe('map layers', () => {
  const layersOf = (group: { getLayers: () => Layer[] }) => group.getLayers();

  it('draw a point as a circle marker and areas as polygons', () => {
    expect(layersOf(geometryLayer(point)).map((layer) => layer instanceof CircleMarker)).toEqual([true]);
    const [area] = layersOf(geometryLayer(twoAreas));
    expect(area).toBeInstanceOf(Polygon);
    expect((area as Polygon).getBounds().toBBoxString()).toBe('36,-2,41,0');
  });

  it('put one marker per place, at [latitude, longitude], with a popup that shows titles as text', () => {
    const layer = placesLayer([place('A', '<b>A</b>', [35.6, 3.1]), place('B', 'B', [36, -1])], (shown) => {
      const box = document.createElement('div');
      box.textContent = shown.title;
      return box;
    });
    const markers = layersOf(layer).filter((marker) => marker instanceof CircleMarker);
    expect(markers.map((marker) => marker.getLatLng())).toMatchObject([
      { lat: 3.1, lng: 35.6 },
      { lat: -1, lng: 36 },
    ]);
    expect(markers).toHaveLength(2);
    const popup = markers[0]?.getPopup()?.getContent() as (layer: Layer) => HTMLElement;
    expect(popup(markers[0] as Layer).innerHTML).toBe('&lt;b&gt;A&lt;/b&gt;');
  });

  it('take the countries from Natural Earth’s shapes, bundled with the explorer', () => {
    const countries = countriesOf(atlas as unknown as Topology);
    expect(countries.type).toBe('FeatureCollection');
    expect(countries.features.length).toBeGreaterThan(170);
    const kenya = countries.features.find((feature) => feature.properties?.name === 'Kenya');
    expect(kenya?.geometry.type).toBe('Polygon');
  });
});

describe('GeoMap', () => {
  const router = createRouter({ history: createMemoryHistory(), routes });

  async function mountMap(props: InstanceType<typeof GeoMap>['$props']) {
    setLocale('en');
    const wrapper = mount(GeoMap, { props, global: { plugins: [i18n, router] }, attachTo: document.body });
    await vi.dynamicImportSettled();
    await flushPromises();
    return wrapper;
  }

  it('draws a programme’s areas over the countries, named for screen readers, with no request anywhere', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const wrapper = await mountMap({ label: 'Map of the programme’s location', geometry: twoAreas });
    const region = wrapper.find('[role="region"]');
    expect(region.attributes('aria-label')).toBe('Map of the programme’s location');
    expect(region.attributes('aria-describedby')).toBe(wrapper.find('.geo-map-hint').attributes('id'));
    expect(wrapper.findAll('.leaflet-overlay-pane path')).toHaveLength(1);
    expect(wrapper.findAll(`.leaflet-${BASEMAP_PANE}-pane path`).length).toBeGreaterThan(170);
    expect(wrapper.find('.leaflet-control-attribution').text()).toContain('Borders: Natural Earth');
    expect(document.querySelector('img')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('marks places, and a marker’s popup links to its page inside the explorer', async () => {
    const wrapper = await mountMap({
      label: 'Map of the programmes',
      places: [place('KE-SOLAR-001', 'Turkana solar', [35.6, 3.1]), place('KE-WIND-003', 'Lake wind', [36.8, 2.5])],
    });
    const markers = wrapper.findAll('.leaflet-overlay-pane path');
    expect(markers).toHaveLength(2);
    await markers[0]?.trigger('click');
    const link = wrapper.find('.leaflet-popup-content a');
    expect(link.text()).toBe('Turkana solar');
    expect(link.attributes('href')).toBe('/programmes/KE-SOLAR-001');
    await link.trigger('click');
    await vi.dynamicImportSettled();
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/programmes/KE-SOLAR-001');

    await wrapper.setProps({ places: [place('KE-WIND-003', 'Lake wind', [36.8, 2.5])] });
    expect(wrapper.findAll('.leaflet-overlay-pane path')).toHaveLength(1);
    wrapper.unmount();
  });
});

describe('Programme page map', () => {
  const answers =
    (detail: unknown) =>
    (url: URL): Answer =>
      url.pathname.endsWith('/KE-SOLAR-001') ? { body: detail } : { body: { items: [] } };

  async function programmePage(detail: unknown) {
    stubApi(withReferenceData(answers(detail)));
    const mounted = await mountPage(ProgrammePage, '/programmes/KE-SOLAR-001', { externalId: 'KE-SOLAR-001' });
    await flushPromises();
    await vi.dynamicImportSettled();
    await flushPromises();
    return mounted.wrapper;
  }

  it('shows the location’s areas on the map and says in words where they are', async () => {
    const wrapper = await programmePage(programmeWithAreas);
    expect(wrapper.text()).toContain('An area in 2 parts, centred near latitude -0.5, longitude 37.5.');
    expect(wrapper.find('[aria-label="Map of the programme’s location"]').exists()).toBe(true);
    expect(wrapper.findAll('.leaflet-overlay-pane path')).toHaveLength(1);
  });

  it('says so when the record has no map location, and draws no map', async () => {
    const wrapper = await programmePage(programme);
    expect(wrapper.text()).toContain('No map location was recorded for this programme.');
    expect(wrapper.find('.geo-map').exists()).toBe(false);
  });
});
