import ts from 'typescript';
import type { Plugin } from 'rollup';

/**
 * Strips TypeScript from the demo's shared .ts modules (seed data, routes, the
 * recorder) so the LWC and HubSpot bundles import the same sources as the tests.
 * Type-only: type checking is `tsc --noEmit`'s job.
 */
export function typescriptStrip(): Plugin {
  return {
    name: 'demo-typescript-strip',
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          verbatimModuleSyntax: false,
          sourceMap: false,
        },
      });
      return { code: out.outputText, map: null };
    },
  };
}
