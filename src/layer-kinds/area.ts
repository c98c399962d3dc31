/** `area`: a soft polygon with a dashed outline, for an extent known only roughly. */
import { polygonKind } from './polygon.ts';

export const area = polygonKind({ fill: [0.14, 0.28], alwaysDashed: true });
