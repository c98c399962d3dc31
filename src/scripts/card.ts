/**
 * A chapter card's script (/embed/<chapter-id>/, src/pages/embed/[chapter].astro): the page
 * driver as a card, which draws one chapter's map once, with its legend, and reports the
 * card's height to the host. Nothing scrolls: no scroll engine, no camera animation.
 */
import { createPageDriver } from './page-driver.ts';

createPageDriver({ root: document, mode: 'card' });
