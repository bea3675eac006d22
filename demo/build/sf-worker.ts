/** Child process for one Lightning bundle, so the two shadow variants build on two cores at once. */
import { buildSalesforceBundle } from './salesforce';

const [shadow, outFile, genDir] = process.argv.slice(2);
if ((shadow !== 'synthetic' && shadow !== 'native') || !outFile || !genDir) {
  console.error('usage: sf-worker.ts <synthetic|native> <outFile> <genDir>');
  process.exit(2);
}
try {
  await buildSalesforceBundle(shadow, outFile, genDir);
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
}
