/**
 * The story page's and the embedded story's script (src/components/StoryView.astro): the
 * page driver, in the mode the page was built for.
 */
import { createPageDriver } from './page-driver.ts';

createPageDriver({ root: document, mode: document.documentElement.dataset.embedded === 'true' ? 'embed' : 'story' });
