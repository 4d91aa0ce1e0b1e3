// setup.py, read as text (never run).
import type { PackagingFormat } from '../format.js';
import { readSetupPy } from '../setup-py.js';

export default {
  id: 'setup-py',
  name: 'setup.py',
  listed: 30,
  matches: ({ depth, base }) => depth <= 4 && base === 'setup.py',
  metadata: readSetupPy,
} satisfies PackagingFormat;
