/** The URL of the map engine's worker script (src/integrations/engine-from-source.ts). */
declare module 'virtual:map-engine-worker-url' {
  const url: string;
  export default url;
}
