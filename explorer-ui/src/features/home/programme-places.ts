// Programmes of the public list as points on a map: those whose location gave the gateway a point.
import type { ProgrammeSummary } from '../../api/types';
import type { MapPlace } from '../../shared/map/map-layers';

export function programmePlaces(
  programmes: readonly ProgrammeSummary[],
  detail: (programme: ProgrammeSummary) => string,
): MapPlace[] {
  return programmes.flatMap((programme) => {
    const [longitude, latitude] = programme.position ?? [];
    if (longitude === undefined || latitude === undefined) return [];
    const place: MapPlace = {
      id: programme.externalId,
      position: [longitude, latitude],
      title: programme.title,
      detail: detail(programme),
      to: { name: 'programme', params: { externalId: programme.externalId } },
    };
    return [place];
  });
}
