/**
 * The CRM content script: picks the adapter for the page (built-in, or named by
 * policy for an extra host), builds the shared page model and starts each
 * feature in features/ in a fixed order. The detection engine is not bundled
 * here: fields are classified and text is searched by the background, which
 * keeps this script small (issue 4's 60 KB budget) and the work off the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_INCLUDE_GLOBS, CRM_MATCH_PATTERNS } from '@/lib/crm/hosts';
import { adapterForUrl } from '@/lib/crm/registry';
import { sendToBackground } from '@/lib/messages/content-send';
import { createScanner } from '@/lib/scan/scanner';
import type { Detector } from '@/lib/scan/detector';
import { DEFAULT_PAGE_POLICY, readPolicy, type PagePolicy } from './policy';
import { browserScanEnv } from './shadow-opener';
import { createPageModel, isOwnNode } from './page';
import { FEATURES } from './features';
import { createTextScanner } from './text-scan';
import { createFieldClassifier } from './field-classify';

// The detection engine runs in the background: fields are classified (cs:classify-fields) and displayed
// values searched (cs:scan-text) there, in batches; the scanner remembers verdicts, so rescans are immediate.
const texts = createTextScanner();
const classifier = createFieldClassifier();
const detector: Detector = { classifyFields: (descs) => classifier.classify(descs), scanTexts: (items) => texts.scan(items) };

async function fetchPolicy(): Promise<PagePolicy> {
  try {
    const { policy } = await sendToBackground('cs:hello', {});
    return readPolicy(policy);
  } catch (error) {
    // Background unreachable (updating, restarting): run with the safe defaults; bg:policy-changed corrects it.
    console.warn(`[privacy-guard] policy not received, using defaults: ${error instanceof Error ? error.message : String(error)}`);
    return DEFAULT_PAGE_POLICY;
  }
}

export default defineContentScript({
  matches: CRM_MATCH_PATTERNS,
  includeGlobs: CRM_INCLUDE_GLOBS,
  runAt: 'document_idle',
  async main(ctx) {
    const policy = await fetchPolicy();
    if (ctx.isInvalid) return;
    const adapter = adapterForUrl(window.location.href, policy.extraHosts);
    if (!adapter) return;
    const env = browserScanEnv();
    let page: ReturnType<typeof createPageModel> | null = null;
    const scanner = createScanner({ adapter, detector, env, skip: isOwnNode, context: () => page?.context() ?? null });
    page = createPageModel({ adapter, env, scanner, policy, context: null });
    for (const feature of FEATURES) feature.init(ctx, page);
  },
});
