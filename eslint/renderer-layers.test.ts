import path from 'node:path';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { rendererLayersPlugin } from './renderer-layers.js';

// RuleTester reports each case through the test runner's own functions.
Object.assign(RuleTester, { afterAll, describe, it });

const root = path.resolve('/repo/renderer/src');
const at = (file: string) => path.join(root, file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('renderer/layers', rendererLayersPlugin.rules.layers, {
  valid: [
    { filename: at('features/households/household-page.tsx'), code: "import { HandoverPanel } from '../handover';", options: [{ root }] },
    { filename: at('features/finances/finances-page.tsx'), code: "import { formatDate } from '../intake';", options: [{ root }] },
    { filename: at('app/intake-routes.tsx'), code: "import { RegelingenPanel } from '../features/finances';", options: [{ root }] },
    { filename: at('features/intake/x.test.ts'), code: "import { FinancesPage } from '../finances';", options: [{ root }] },
  ],
  invalid: [
    // intake ↔ finances was a cycle: the lower feature may not import the higher one.
    { filename: at('features/intake/intake-overview-page.tsx'), code: "import { RegelingenPanel } from '../finances';", options: [{ root }], errors: [{ messageId: 'feature' }] },
    { filename: at('features/reports/dashboard.tsx'), code: "import { x } from '../new-feature';", options: [{ root }], errors: [{ messageId: 'feature' }] },
    { filename: at('data/db.ts'), code: "import { x } from '../sync/engine';", options: [{ root }], errors: [{ messageId: 'upward' }] },
    { filename: at('features/intake/a.ts'), code: "import { fakeServices } from '../../testing/fake-services';", options: [{ root }], errors: [{ messageId: 'testing' }] },
  ],
});
