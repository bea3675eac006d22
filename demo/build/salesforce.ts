import path from 'node:path';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { typescriptStrip } from './rollup-ts';
import type { SfShadow } from '../shared/sf-routes';

const DEMO = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(DEMO, '..');

/**
 * One Lightning bundle, built the way PLATFORM.md ("Realistic Salesforce pages
 * offline") verified: LWC plugin rootDir + modules, inlineDynamicImports, the
 * SSR/NODE_ENV replacements, and the combobox element-internals gate switched off.
 */
export async function buildSalesforceBundle(shadow: SfShadow, outFile: string): Promise<void> {
  const bundle = await rollup({
    input: path.join(DEMO, 'salesforce', shadow === 'native' ? 'entry-native.js' : 'entry-synthetic.js'),
    plugins: [
      replace({
        preventAssignment: true,
        values: {
          'import.meta.env.SSR': 'false',
          'process.env.NODE_ENV': '"development"',
          __DEMO_SHADOW__: JSON.stringify(shadow),
        },
      }),
      typescriptStrip(),
      lwc({
        // PLATFORM.md uses process.cwd(); the repo root is the same thing when run through npm, and stays right from any cwd.
        rootDir: ROOT,
        modules: [
          {
            name: '@salesforce/gate/bc.260.enableComboboxElementInternals',
            path: path.join(DEMO, 'salesforce', 'gate-off.js'),
          },
          { dir: path.join(DEMO, 'salesforce', 'modules') },
          { npm: 'lightning-base-components' },
        ],
        exclude: ['**/*.ts'],
        ...(shadow === 'native' ? { disableSyntheticShadowSupport: true } : {}),
      }),
      nodeResolve({ extensions: ['.js', '.ts'] }),
    ],
    onwarn(warning, warn) {
      // lightning-base-components carries many circular imports and `this` rewrites; they are upstream and harmless.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  try {
    await bundle.write({ file: outFile, format: 'iife', inlineDynamicImports: true });
  } finally {
    await bundle.close();
  }
}
