import { storyConfig } from '../../content/story-config.ts';
import type { LayerInput } from '../layer-input.ts';
import { decimalsOf, positionsOf } from '../geometry-walk.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

/**
 * The part of the world the story maps (`region` in the story configuration). A layer
 * outside it is almost certainly a mistake (swapped or projected coordinates, the wrong file).
 */
const storyRegion = storyConfig.region;

/** Features lie in the story's region, and coordinates carry no more than 6 decimals. */
export function validateExtent(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    const positions = positionsOf(feature.geometry);
    const outside = positions.find(
      ([lon, lat]) => lon! < storyRegion.west || lon! > storyRegion.east || lat! < storyRegion.south || lat! > storyRegion.north,
    );
    if (outside) {
      const { west, south, east, north } = storyRegion;
      problems.push(
        featureProblem(
          layer,
          index,
          `position [${outside[0]}, ${outside[1]}] lies outside the story's region (longitude ${west}..${east}, latitude ${south}..${north})`,
          'check that this is the right file and that coordinates are [longitude, latitude]',
        ),
      );
    }
    let finest = 0;
    for (const position of positions) {
      for (const value of position.slice(0, 2)) {
        // Counting decimals through String() is slow on 50 MB layers: only values with more than 6 get counted.
        if (Math.round(value! * 1e6) / 1e6 !== value) finest = Math.max(finest, decimalsOf(value!));
      }
    }
    if (finest > 6) {
      problems.push(
        featureProblem(
          layer,
          index,
          `coordinates carry ${finest} decimals (6 is ~10 cm); rounded in the published file`,
          'round coordinates to 6 decimals or fewer',
          'warning',
        ),
      );
    }
  });
  return problems;
}
