/**
 * Where consent UI is drawn: a shadow root the CRM's CSS cannot reach. The
 * panel and the guard dialog use WXT's createShadowRootUi (index.ts); list chips
 * are many and small, so each gets a plain shadow root on its own host. Open,
 * like WXT's default for the panel: the shadow root keeps the CRM's CSS out, not
 * the CRM's scripts (they already hold the record the chip describes).
 */
import { render } from 'preact';
import { OWN_TAG_PREFIX } from '../../page';

export interface Surface {
  container: HTMLElement;
  remove(): void;
}

export type SurfaceFactory = (name: string, css: string) => Promise<Surface>;

export const CHIP_TAG = `${OWN_TAG_PREFIX.toLowerCase()}-consent-chip`;

/** A host element with a closed shadow root holding `css` and a container. */
export function plainSurface(host: HTMLElement, css: string, mode: ShadowRootMode = 'open'): Surface {
  const root = host.attachShadow({ mode });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  return {
    container,
    remove() {
      render(null, container);
      host.remove();
    },
  };
}

/** For tests: a plain surface appended to the body. */
export function bodySurface(mode: ShadowRootMode = 'open'): SurfaceFactory {
  return async (name, css) => {
    const host = document.createElement(name);
    document.body.append(host);
    return plainSurface(host, css, mode);
  };
}
