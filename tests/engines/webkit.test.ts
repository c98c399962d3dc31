import { engineSuite } from './contract.ts';

/** WebKitGTK (the engine behind Safari): Debian's WebKitWebDriver and MiniBrowser, under Xvfb with software GL. */
engineSuite('webkit');
