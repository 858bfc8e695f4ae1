// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), each paired with a pattern and a
// marker so no chart relies on colour alone, and so a black-and-white print still tells the series apart.

export const SERIES = [
  { colour: '#0072B2', pattern: 'solid', marker: 'circle' },
  { colour: '#E69F00', pattern: 'diagonal', marker: 'square' },
  { colour: '#009E73', pattern: 'dots', marker: 'triangle' },
  { colour: '#CC79A7', pattern: 'cross', marker: 'diamond' },
  { colour: '#56B4E9', pattern: 'horizontal', marker: 'circle-open' },
  { colour: '#D55E00', pattern: 'vertical', marker: 'square-open' },
  { colour: '#F0E442', pattern: 'grid', marker: 'triangle-open' },
] as const;

export type Series = (typeof SERIES)[number];
export const seriesOf = (i: number): Series => SERIES[((i % SERIES.length) + SERIES.length) % SERIES.length]!;

/** A sequential single-hue scale (ColorBrewer Blues) for the tile map; the darker half carries white text. */
export const LEVEL_COLOURS = ['#ffffff', '#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'] as const;
export const levelText = (level: number) => (level >= 4 ? '#ffffff' : '#0b0c0c');

const INK = '#0b0c0c';

/** `<pattern>` definitions for every series, ids prefixed so two charts on a page do not collide. */
export function PatternDefs({ id }: { id: string }) {
  return (
    <svg className="chart__defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {SERIES.map((s, i) => (
          <pattern key={i} id={`${id}-p${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={s.colour} />
            {s.pattern === 'diagonal' && (
              <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={INK} strokeWidth="1.5" />
            )}
            {s.pattern === 'dots' && <circle cx="4" cy="4" r="1.6" fill={INK} />}
            {s.pattern === 'cross' && <path d="M0,0 l8,8 M8,0 l-8,8" stroke={INK} strokeWidth="1" />}
            {s.pattern === 'horizontal' && <path d="M0,4 h8" stroke={INK} strokeWidth="1.5" />}
            {s.pattern === 'vertical' && <path d="M4,0 v8" stroke={INK} strokeWidth="1.5" />}
            {s.pattern === 'grid' && <path d="M0,0.5 h8 M0.5,0 v8" stroke={INK} strokeWidth="1" />}
          </pattern>
        ))}
        <pattern id={`${id}-none`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#ffffff" />
          <path d="M0,6 l6,-6" stroke="#6f777b" strokeWidth="1" />
        </pattern>
      </defs>
    </svg>
  );
}

export const fillOf = (id: string, series: number) =>
  `url(#${id}-p${((series % SERIES.length) + SERIES.length) % SERIES.length})`;

/** A marker shape centred on (x, y), for line charts and legends. */
export function Marker({
  shape,
  x,
  y,
  size = 5,
  colour,
}: {
  shape: Series['marker'];
  x: number;
  y: number;
  size?: number;
  colour: string;
}) {
  const open = shape.endsWith('-open');
  const fill = open ? '#ffffff' : colour;
  const common = { fill, stroke: open ? colour : INK, strokeWidth: open ? 2 : 1 };
  const base = shape.replace('-open', '');
  if (base === 'square')
    return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
  if (base === 'triangle')
    return (
      <path
        d={`M${x},${y - size * 1.2} L${x + size * 1.1},${y + size * 0.8} L${x - size * 1.1},${y + size * 0.8} Z`}
        {...common}
      />
    );
  if (base === 'diamond')
    return (
      <path
        d={`M${x},${y - size * 1.3} L${x + size * 1.3},${y} L${x},${y + size * 1.3} L${x - size * 1.3},${y} Z`}
        {...common}
      />
    );
  return <circle cx={x} cy={y} r={size} {...common} />;
}

/** A legend: swatch (pattern) or marker, then the words. Visible, and hidden from screen readers like the drawing. */
export function Legend({
  id,
  items,
  kind = 'swatch',
}: {
  id: string;
  items: { label: string; series: number }[];
  kind?: 'swatch' | 'marker';
}) {
  return (
    <ul className="chart__legend" aria-hidden="true">
      {items.map((item) => {
        const s = seriesOf(item.series);
        return (
          <li key={item.label}>
            <svg width="20" height="16" focusable="false">
              {kind === 'swatch' ? (
                <rect x="1" y="1" width="18" height="14" fill={fillOf(id, item.series)} stroke={INK} />
              ) : (
                <>
                  <line
                    x1="0"
                    x2="20"
                    y1="8"
                    y2="8"
                    stroke={s.colour}
                    strokeWidth="2"
                    strokeDasharray={dashOf(item.series)}
                  />
                  <Marker shape={s.marker} x={10} y={8} size={4} colour={s.colour} />
                </>
              )}
            </svg>
            {item.label}
          </li>
        );
      })}
    </ul>
  );
}

/** Line dashes, the third way (after colour and marker) series differ in a line chart. */
export const dashOf = (series: number) => ['', '6 3', '2 3', '8 3 2 3'][series % 4];
