/** `region`: a filled polygon with an outline, for a place with known borders. */
import { polygonKind } from './polygon.ts';

export const region = polygonKind({ fill: [0.16, 0.3], alwaysDashed: false });
