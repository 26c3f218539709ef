/** How much of a long value `abbreviateJson` keeps. */
export interface AbbreviateLimits {
  /** Strings longer than this are cut. @default 160 */
  maxString?: number;
  /** Arrays longer than this are cut. @default 20 */
  maxItems?: number;
}

/**
 * A copy of a JSON value with long strings and arrays cut, each cut saying how much it left out
 * (`"…(+1204 chars)"`, `"…(+30 more items)"`), so a recorded request fits on a screen.
 */
export function abbreviateJson(value: unknown, limits: AbbreviateLimits = {}): unknown {
  const maxString = limits.maxString ?? 160;
  const maxItems = limits.maxItems ?? 20;
  const visit = (item: unknown): unknown => {
    if (typeof item === 'string') {
      return item.length > maxString
        ? `${item.slice(0, maxString)}…(+${item.length - maxString} chars)`
        : item;
    }
    if (Array.isArray(item)) {
      const kept = item.slice(0, maxItems).map(visit);
      return item.length > maxItems ? [...kept, `…(+${item.length - maxItems} more items)`] : kept;
    }
    if (typeof item !== 'object' || item === null) return item;
    return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, visit(field)]));
  };
  return visit(value);
}

/**
 * Pretty JSON that keeps small objects and arrays on one line: a value is written inline when it fits in
 * `width` columns from where it starts, else one member per line.
 */
export function formatJson(value: unknown, options: { width?: number } = {}): string {
  return formatAt(value, { width: options.width ?? 100, indent: 0, column: 0 });
}

function formatAt(value: unknown, at: { width: number; indent: number; column: number }): string {
  const inline = JSON.stringify(value) ?? 'null';
  if (typeof value !== 'object' || value === null || at.column + inline.length <= at.width) return inline;
  const indent = at.indent + 2;
  const inner = ' '.repeat(indent);
  const close = ' '.repeat(at.indent);
  if (Array.isArray(value)) {
    const items = value.map(
      (item) => `${inner}${formatAt(item, { width: at.width, indent, column: indent })}`,
    );
    return `[\n${items.join(',\n')}\n${close}]`;
  }
  const members = Object.entries(value).map(([key, item]) => {
    const label = `${JSON.stringify(key)}: `;
    return `${inner}${label}${formatAt(item, { width: at.width, indent, column: indent + label.length })}`;
  });
  return `{\n${members.join(',\n')}\n${close}}`;
}
