import { Badge } from './Badge';
import type { BadgeModel } from './model';
import type { Locale } from '@/lib/i18n/strings';

export interface LayerItem {
  key: number;
  model: BadgeModel;
  open: boolean;
}

export interface BadgeLayerProps {
  items: readonly LayerItem[];
  locale: Locale;
  /** Receives each badge's wrapper so positions can be written without a re-render. */
  bind: (key: number, el: HTMLDivElement | null) => void;
}

/** Every badge currently shown. Positions are written by the overlay controller, not rendered. */
export function BadgeLayer({ items, locale, bind }: BadgeLayerProps) {
  return (
    <div class="pg-layer" lang={locale}>
      {items.map((item) => (
        <Badge key={item.key} id={`pg-${item.key}`} model={item.model} locale={locale} open={item.open} wrapRef={(el) => bind(item.key, el)} />
      ))}
    </div>
  );
}
