// Lightning Experience's default: the synthetic shadow polyfill, loaded before the engine.
import '@lwc/synthetic-shadow';
import './boot.js';
