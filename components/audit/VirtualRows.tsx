import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface VirtualRowsProps<T> {
  items: readonly T[];
  /** fixed row height in px: lets the window be computed without measuring the DOM */
  rowHeight: number;
  /** height of the scrolling viewport in px */
  height: number;
  /** rows rendered above and below the visible ones */
  overscan?: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** called when the visible window comes within `threshold` rows of the end */
  onNearEnd?: () => void;
  threshold?: number;
  label: string;
  header: ComponentChildren;
  /** total row count when known (for aria-rowcount), else -1 */
  rowCount?: number;
}

/**
 * A table body that renders only the rows in view (plus overscan), positioned in
 * a spacer as tall as all rows, so 100,000 entries cost the same as 30.
 */
export function VirtualRows<T>({
  items,
  rowHeight,
  height,
  overscan = 8,
  renderRow,
  onNearEnd,
  threshold = 50,
  label,
  header,
  rowCount = -1,
}: VirtualRowsProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    // The first page is the owner's to load; this only asks for the ones after it.
    if (onNearEnd && items.length > 0 && last >= items.length - threshold) onNearEnd();
  }, [last, items.length, onNearEnd, threshold]);

  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div
        key={i}
        role="row"
        aria-rowindex={i + 2}
        class="audit-row"
        style={{ position: 'absolute', top: 0, left: 0, right: 0, height: `${rowHeight}px`, transform: `translateY(${i * rowHeight}px)` }}
      >
        {renderRow(items[i]!, i)}
      </div>,
    );
  }
  return (
    <div role="table" aria-label={label} aria-rowcount={rowCount} class="audit-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} class="audit-row audit-head">
          {header}
        </div>
      </div>
      <div
        role="rowgroup"
        class="audit-viewport"
        data-testid="audit-viewport"
        style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
      >
        <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
}
