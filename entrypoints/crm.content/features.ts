/**
 * The content features, in start order: listeners first, the scan last (it
 * emits the first context and fields the others react to).
 */
import type { ContentFeature } from './page';
import pageState from './features/page-state';
import recordView from './features/record-view';
import badges from './features/badges';
import inputGuard from './features/input-guard';
import consent from './features/consent';
import pageScan from './features/page-scan';

export const FEATURES: readonly ContentFeature[] = [pageState, recordView, badges, inputGuard, consent, pageScan];
