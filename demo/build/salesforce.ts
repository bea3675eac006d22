import path from 'node:path';
import { rollup, type RollupCache } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { typescriptStrip } from './rollup-ts';
import type { SfShadow } from '../shared/sf-routes';
import { SF_OBJECTS } from '../data/salesforce';
import { benchObject } from '../data/bench';
import { writeSldsShadowModule } from './slds-subset';
import { iconLibraryOverrides, usedIconNames, writeIconLibraries } from './icons';

const DEMO = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(DEMO, '..');
const LBC = path.join(ROOT, 'node_modules', 'lightning-base-components', 'src', 'lightning');

/**
 * Icon categories the demo never shows (action, doctype, custom) resolve to an
 * empty library; utility and standard come trimmed from build/icons.ts.
 */
const EMPTY_ICON_LIBRARIES = ['Action', 'ActionRtl', 'Doctype', 'DoctypeRtl', 'Custom', 'CustomRtl'].map((c) => ({
  name: `lightning/iconSvgTemplates${c}`,
  path: path.join(DEMO, 'salesforce', 'icons-none.js'),
}));

/** Writes the trimmed icon libraries the bundles import; run once before building them. */
export function prepareIconLibraries(genDir: string): Record<string, number> {
  const objectIcons = [...SF_OBJECTS, benchObject].map((o) => `standard:${o.icon}`);
  const names = usedIconNames([LBC, path.join(DEMO, 'salesforce', 'modules')], [...objectIcons, 'standard:recent']);
  return writeIconLibraries(LBC, names, genDir);
}

/**
 * One Lightning bundle, built the way PLATFORM.md ("Realistic Salesforce pages
 * offline") verified: LWC plugin rootDir + modules, inlineDynamicImports, the
 * SSR/NODE_ENV replacements, and the combobox element-internals gate switched off.
 */
/**
 * Only templates and stylesheets compile differently per shadow mode (and the
 * module the bundle's own mode is replaced into), so everything else one variant
 * transformed can be reused by the other.
 */
function reusableAcrossVariants(cache: RollupCache): RollupCache {
  const variantDependent = (id: string) =>
    /\.(html|css)$/.test(id) || id.includes(`${path.sep}@lwc${path.sep}resources${path.sep}`) || id.startsWith(DEMO + path.sep + 'salesforce' + path.sep);
  return { ...cache, modules: (cache.modules ?? []).filter((m) => !variantDependent(m.id)) };
}

export async function buildSalesforceBundle(shadow: SfShadow, outFile: string, genDir: string, cache?: RollupCache): Promise<RollupCache> {
  const modulesDir = path.join(DEMO, 'salesforce', 'modules');
  const sldsShadow = path.join(genDir, `slds-shadow-${shadow}.css`);
  writeSldsShadowModule(
    path.join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets', 'styles', 'salesforce-lightning-design-system.min.css'),
    modulesDir,
    sldsShadow,
    shadow === 'native',
  );
  const bundle = await rollup({
    cache,
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
          ...iconLibraryOverrides(genDir),
          ...EMPTY_ICON_LIBRARIES,
          { name: 'demo/sldsShadow', path: sldsShadow },
          { dir: modulesDir },
          { npm: 'lightning-base-components' },
        ],
        exclude: ['**/*.ts'],
        ...(shadow === 'native' ? { disableSyntheticShadowSupport: true } : {}),
      }),
      nodeResolve({ extensions: ['.js', '.ts'] }),
    ],
    onwarn(warning, warn) {
      // lightning-base-components' own template lint findings and circular imports are upstream and harmless.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.id?.includes(`${path.sep}node_modules${path.sep}`)) return;
      warn(warning);
    },
  });
  try {
    await bundle.write({ file: outFile, format: 'iife', inlineDynamicImports: true });
    return reusableAcrossVariants(bundle.cache ?? { modules: [] });
  } finally {
    await bundle.close();
  }
}
