// setup.cfg ([metadata] and [options] of setuptools).
import type { PackagingFormat } from '../format.js';
import { readSetupCfg } from '../setup-cfg.js';

export default {
  id: 'setup-cfg',
  name: 'setup.cfg',
  listed: 20,
  matches: ({ depth, base }) => depth <= 4 && base === 'setup.cfg',
  metadata: readSetupCfg,
} satisfies PackagingFormat;
