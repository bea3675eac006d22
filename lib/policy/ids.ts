/**
 * Extension ids admins write into policy files. The Chrome id is pinned by the
 * manifest `key` of development and test builds (see wxt.config.ts); store builds
 * get the store's id. The gecko id is fixed in the Firefox manifest.
 */
export const CHROME_DEV_ID = 'indjfoacpnghahilniekfepigbmajebm';
export const GECKO_ID = 'crm-privacy-guard@privacy-guard.dev';
