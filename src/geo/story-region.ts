/**
 * The part of the world the story maps: from Kerala to Yunnan, from the Bay of
 * Bengal to Tibet. A layer outside it is almost certainly a mistake (swapped or
 * projected coordinates, the wrong file).
 */
export const storyRegion = { west: 70, south: 0, east: 110, north: 35 } as const;
