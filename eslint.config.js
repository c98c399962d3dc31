// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, and Astro's
// for .astro files. `npm run lint` runs it with --max-warnings 0; npm test runs that.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.next/',
      'dist.previous/',
      'dist-fixture/',
      'dist-fixture.next/',
      'dist-fixture.previous/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globalsOf('browser'), ...globalsOf('node') } },
    rules: {
      // Destructuring a field away (`const { a: _, ...rest }`) is how the code drops one.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // dependency-cruiser reads a CommonJS config.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  // Derives the basemap from Natural Earth's and GeoNames' own JSON, whose geometries it handles without a schema.
  { files: ['geo/basemap/derive.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);

/** The browser's and Node's global names, without another dependency: each a readonly global. */
function globalsOf(environment) {
  const names =
    environment === 'browser'
      ? [
          'window',
          'document',
          'navigator',
          'location',
          'HTMLElement',
          'customElements',
          'requestAnimationFrame',
          'matchMedia',
          'URL',
          'URLSearchParams',
          'fetch',
          'console',
          'setTimeout',
          'clearTimeout',
        ]
      : ['process', 'Buffer', 'console', 'setTimeout', 'clearTimeout', 'URL', 'fetch'];
  return Object.fromEntries(names.map((name) => [name, 'readonly']));
}
