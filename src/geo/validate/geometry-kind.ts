import type { Geometry } from 'geojson';
import { layerKind } from '../../layer-kinds/registry.ts';
import type { LayerInput } from '../layer-input.ts';
import type { LayerKind } from '../layer-meta.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

/** The kind to suggest for a geometry another kind cannot draw. */
const kindFor: Record<string, LayerKind> = {
  Polygon: 'region',
  MultiPolygon: 'region',
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'route',
  MultiLineString: 'route',
};

/**
 * Every feature has a geometry the layer's `style.kind` draws. A null geometry is valid
 * RFC 7946, but a story layer draws every feature, so it is refused here rather than
 * crashing later steps. A GeometryCollection is checked member by member and may not nest.
 */
export function validateGeometryKind(layer: LayerInput): GeoProblem[] {
  const kind = layer.meta!.style.kind;
  // The geometries the layer's kind draws; anything else would vanish or be drawn at 0,0.
  const allowed: readonly string[] = layerKind(kind).geometries;
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    const geometry = feature.geometry as Geometry | null;
    if (geometry === null) {
      problems.push(
        featureProblem(
          layer,
          index,
          'has no geometry ("geometry": null), so the map cannot draw it',
          'give it a geometry, or delete the feature',
        ),
      );
      return;
    }
    const members = geometry.type === 'GeometryCollection' ? geometry.geometries : [geometry];
    for (const member of members) {
      if (member.type === 'GeometryCollection') {
        problems.push(
          featureProblem(
            layer,
            index,
            'has a GeometryCollection inside a GeometryCollection',
            'flatten it into one GeometryCollection, or better a Multi* geometry',
          ),
        );
        return;
      }
      if (!allowed.includes(member.type)) {
        problems.push(
          featureProblem(
            layer,
            index,
            `is a ${member.type}${geometry.type === 'GeometryCollection' ? ' (inside a GeometryCollection)' : ''}, but this layer is drawn as "${kind}", which draws only ${allowed.join(' and ')}`,
            `move the feature to a layer of kind "${kindFor[member.type]}", or change "style.kind" in ${layer.metaFile}`,
          ),
        );
        return;
      }
    }
  });
  return problems;
}
