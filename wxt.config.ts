import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CRM_MATCH_PATTERNS } from './lib/crm/hosts';
import { managedSchemaJson } from './lib/policy/managed-schema';

/**
 * Public half of the development signing key. It pins the Chrome extension id of
 * unpacked builds to indjfoacpnghahilniekfepigbmajebm so enterprise policy files,
 * CORS allow-lists and tests can name it. Stores assign their own id; see README.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsK1d2V8Kl9XVUE1aT2iZBdLAZd42f2c9LLQlz13EIqsoXIUNbJhtpHNWxEnMcQ1TxNDEnRxWVMJvJnfK7wasGe8f84rwOTNCbNlkrXwOZVdUjxVe4W0EV+XPM+zHc7TG3Z4Wel6xE+uBL0wCCLyu3oSns79rSGfyKDdUvrGya7+zqBe3s6sB16l+l8CyGa2zyrVAKRWc85sTXKRX+pLAwGLGPuOO3WboH86ZpvqGBftQjAindyBc/o6z1ix2lo3KRxRBCPBMX+MzoCzWMGurvbVBOvlSXCU8NSwz5buBtNxhqERtFz1xDyNCmd3dwk9LD1nqMG+HBTLpdAfKe6ln0QIDAQAB';

export const GECKO_ID = 'crm-privacy-guard@privacy-guard.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources archive AMO reviewers rebuild from: no build outputs, test artefacts or local data.
  zip: {
    excludeSources: ['demo/dist/**', 'server/review-app/dist/**', 'test-results/**', '.data/**', '.tmp/**', 'bench/results.md'],
  },
  hooks: {
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'chrome' && wxt.config.browser !== 'edge') return;
      files.push({ relativeDest: 'managed_schema.json', contents: managedSchemaJson() });
    },
  },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings, policy cache; alarms: consent refresh, audit retention and forwarding;
    // scripting: content scripts for CRM hosts an admin adds by policy.
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: CRM_MATCH_PATTERNS,
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'chrome' || browser === 'edge' ? { key: DEV_PUBLIC_KEY } : {}),
    // Enterprise policy schema, generated from lib/policy/schema.ts by the hook below.
    // Firefox reads policies.json without a schema.
    ...(browser === 'chrome' || browser === 'edge' ? { storage: { managed_schema: 'managed_schema.json' } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: manifestVersion === 3 ? '128.0' : '115.0',
              // Nothing goes to us, the developers: data leaves the browser only for the consent
              // and audit endpoints the organisation itself configures by policy.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
