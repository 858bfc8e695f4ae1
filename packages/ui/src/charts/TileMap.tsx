import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { useWidth } from './ChartFigure';
import { LEVEL_COLOURS, PatternDefs, levelText } from './palette';
import { TILE_COLUMNS, TILE_LEVELS, TILE_ROWS, type TileRow } from './shape';

const GAP = 6;

/**
 * The 11 Member States as equal squares on a hand-laid grid (see MEMBER_STATE_TILES): shade for the count, and the
 * count itself written on each tile, so the map reads without colour. A state with no contributions is hatched; one
 * below its representation target has a thick dashed outline and a "below target" mark.
 */
export function TileMap({ tiles }: { tiles: readonly TileRow[] }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [ref, available] = useWidth<HTMLDivElement>();
  const size = Math.max(56, Math.min(110, Math.floor((available - GAP * (TILE_COLUMNS - 1)) / TILE_COLUMNS)));
  const width = size * TILE_COLUMNS + GAP * (TILE_COLUMNS - 1);
  const height = size * TILE_ROWS + GAP * (TILE_ROWS - 1);
  const hasTargets = tiles.some((tile) => tile.target !== undefined);
  return (
    <div ref={ref} className="chart-tiles">
      <PatternDefs id={id} />
      <svg width={width} height={height} focusable="false">
        {tiles.map((tile) => {
          const x = tile.column * (size + GAP);
          const y = tile.row * (size + GAP);
          const below = tile.target !== undefined && tile.value < tile.target;
          const ink = levelText(tile.level);
          return (
            <g key={tile.code} transform={`translate(${x},${y})`}>
              <rect
                width={size}
                height={size}
                fill={tile.level === 0 ? `url(#${id}-none)` : LEVEL_COLOURS[tile.level]}
                stroke="#0b0c0c"
                strokeWidth={below ? 4 : 1}
                strokeDasharray={below ? '8 4' : undefined}
              />
              <text x={8} y={20} className="chart-tiles__code" fill={ink}>
                {tile.code}
              </text>
              {below && (
                <text x={size - 8} y={20} textAnchor="end" className="chart-tiles__code" fill={ink}>
                  ▼
                </text>
              )}
              <text x={size / 2} y={size - 14} textAnchor="middle" className="chart-tiles__value" fill={ink}>
                {tile.value}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="chart__legend" aria-hidden="true">
        <li>
          <svg width="20" height="16" focusable="false">
            <rect x="1" y="1" width="18" height="14" fill={`url(#${id}-none)`} stroke="#0b0c0c" />
          </svg>
          {t('charts.kit.none')}
        </li>
        <li>
          {Array.from({ length: TILE_LEVELS }, (_, i) => (
            <svg key={i} width="16" height="16" focusable="false">
              <rect x="1" y="1" width="14" height="14" fill={LEVEL_COLOURS[i + 1]} stroke="#0b0c0c" />
            </svg>
          ))}
          {t('charts.kit.fewToMany')}
        </li>
        {hasTargets && (
          <li>
            <svg width="20" height="16" focusable="false">
              <rect
                x="2"
                y="2"
                width="16"
                height="12"
                fill="#ffffff"
                stroke="#0b0c0c"
                strokeWidth="3"
                strokeDasharray="5 3"
              />
            </svg>
            {t('charts.kit.belowTarget')}
          </li>
        )}
      </ul>
    </div>
  );
}
