import { formatDate } from '../../format';

export interface WeekFlow {
  weekStart: string;
  declared: number;
  collected: number;
  refurbished: number;
  delivered: number;
}

const SERIES: Array<{ key: keyof Omit<WeekFlow, 'weekStart'>; label: string }> = [
  { key: 'declared', label: 'Déclarés' },
  { key: 'collected', label: 'Collectés' },
  { key: 'refurbished', label: 'Reconditionnés' },
  { key: 'delivered', label: 'Livrés' },
];

/**
 * The flows of the region week by week, as grouped bars in plain SVG. The figures are also in a
 * table under it, which is what a screen reader reads (the drawing is described by its title).
 */
export function FlowChart({ weeks }: { weeks: WeekFlow[] }) {
  const width = 720;
  const height = 260;
  const left = 40;
  const bottom = 30;
  const top = 10;
  const max = Math.max(1, ...weeks.flatMap((w) => SERIES.map((s) => w[s.key])));
  const band = (width - left) / Math.max(1, weeks.length);
  const bar = Math.max(2, (band - 6) / SERIES.length);
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="flow-title">
        <title id="flow-title">Appareils déclarés, collectés, reconditionnés et livrés, par semaine (détail dans le tableau ci-dessous)</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="axis" x1={left} x2={width} y1={y(tick)} y2={y(tick)} strokeOpacity={0.25} />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {weeks.map((week, i) => (
          <g key={week.weekStart}>
            {SERIES.map((series, j) => (
              <rect
                key={series.key}
                className={`s-${series.key}`}
                x={left + i * band + 3 + j * bar}
                y={y(week[series.key])}
                width={bar - 1}
                height={height - bottom - y(week[series.key])}
              />
            ))}
            {(weeks.length <= 8 || i % Math.ceil(weeks.length / 8) === 0) && (
              <text x={left + i * band + band / 2} y={height - 10} textAnchor="middle">
                {formatDate(week.weekStart).replace(/ \d{4}$/, '')}
              </text>
            )}
          </g>
        ))}
        <line className="axis" x1={left} x2={width} y1={height - bottom} y2={height - bottom} />
      </svg>
      <figcaption>
        <ul className="legend">
          {SERIES.map((series) => (
            <li key={series.key}>
              <span className={`swatch s-${series.key}`} aria-hidden="true" />
              {series.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export { SERIES as FLOW_SERIES };
