/**
 * The stages as boundaries (see README, "How it is built"): content and data, the build-time
 * geo pipeline and renderers, the map runtime, the scroll engine, the page drivers and embeds.
 * Run-time code is bundled for the browser, so it may import build-time code for its types only.
 * `npm run lint:deps` checks these rules; npm test runs it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const buildTime = '^src/(content|data|charts|geo|static-maps|integrations|fonts)/';
const runTime = '^src/(map|layer-kinds|scroll|scripts)/|^src/embed/(embed-client|embed-code|host-messages)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module that depends on itself through others: split out what both need.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'runtime-imports-build-time',
      severity: 'error',
      comment:
        'Browser code would bundle build-time code (zod, turf, the pipeline, node:fs). Import its types only, or pass the value in the page data.',
      from: { path: runTime },
      to: { path: buildTime, pathNot: '^src/content/story\\.config\\.json$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-imports-node',
      severity: 'error',
      comment: 'Browser code cannot use Node built-ins.',
      from: { path: runTime },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'scroll-engine-knows-no-map',
      severity: 'error',
      comment: 'The scroll engine emits chapter events; what they mean for a map is the driver’s business.',
      from: { path: '^src/scroll/' },
      to: { path: '^src/(map|layer-kinds|embed|scripts)/' },
    },
    {
      name: 'map-runtime-knows-no-driver',
      severity: 'error',
      comment: 'The map applies a chapter state; it does not know who scrolls, embeds or drives it.',
      from: { path: '^src/(map|layer-kinds)/' },
      to: { path: '^src/(scroll|scripts|embed)/' },
    },
    {
      name: 'stages-import-no-views',
      severity: 'error',
      comment: 'Views (pages, components, layouts) use the stages, never the other way round.',
      from: { path: '^src/(content|data|charts|geo|static-maps|map|layer-kinds|scroll|embed|integrations|fonts)/' },
      to: { path: '^src/(pages|components|layouts|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/content/chapters/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
