// Native shadow DOM: compiled with disableSyntheticShadowSupport, no polyfill.
import './boot.js';
