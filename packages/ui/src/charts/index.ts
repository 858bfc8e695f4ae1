// The chart kit, `@musyawarah/ui/charts`: imported only by lazily loaded pages, so d3 and the chart code stay out of
// the apps' start-up bundles (the bundle check and the performance e2e watch that).
export * from './shape';
export { BarChart, type Bar } from './BarChart';
export { ChartFigure, useWidth } from './ChartFigure';
export { TileMap } from './TileMap';
export { TimeChart, type TimeSeries } from './TimeChart';
export { SERIES, seriesOf } from './palette';
