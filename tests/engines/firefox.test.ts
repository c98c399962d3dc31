import { engineSuite } from './contract.ts';

/** Debian's firefox-esr over WebDriver BiDi, under Xvfb with software GL. */
engineSuite('firefox');
