import { LightningElement } from 'lwc';
import { currentRoute, onRouteChange, navigate, objects, text, ui, objectUrl, lang } from 'demo/store';

// Lightning handles same-origin links itself: no reload, history.pushState.
function interceptLinks(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
    if (!anchor) return;
    const href = anchor.getAttribute('href');
    if (!href || !href.startsWith('/lightning/') || anchor.target === '_blank') return;
    event.preventDefault();
    navigate(href);
}

let pageSeq = 0;

export default class App extends LightningElement {
    static renderMode = 'light';

    route = currentRoute();
    pageKey = 0;

    connectedCallback() {
        document.documentElement.lang = lang;
        document.title = 'Lightning Experience';
        this.unsubscribe = onRouteChange((route) => {
            pageSeq += 1;
            this.pageKey = pageSeq;
            this.route = route;
        });
        document.addEventListener('click', interceptLinks);
    }

    disconnectedCallback() {
        this.unsubscribe?.();
        document.removeEventListener('click', interceptLinks);
    }

    get appName() {
        return ui('appName');
    }
    get searchLabel() {
        return ui('search');
    }

    get navItems() {
        const current = this.route.objectType;
        const home = {
            key: 'home',
            label: ui('home'),
            href: '/lightning/page/home',
            className: this.route.view === 'home' ? 'slds-context-bar__item slds-is-active' : 'slds-context-bar__item',
        };
        return [
            home,
            ...objects.map((o) => ({
                key: o.api,
                label: text(o.plural),
                href: objectUrl(o.api, 'list'),
                className: current === o.api ? 'slds-context-bar__item slds-is-active' : 'slds-context-bar__item',
            })),
        ];
    }

    // One-element list keyed by navigation, so every route change mounts a fresh page like Lightning does.
    get pages() {
        const r = this.route;
        return [
            {
                key: `p${this.pageKey}`,
                route: r,
                isRecord: r.view === 'view',
                isForm: r.view === 'edit' || r.view === 'new',
                isList: r.view === 'list',
                isHome: r.view === 'home',
                isMissing: r.view === 'not-found',
            },
        ];
    }
}
