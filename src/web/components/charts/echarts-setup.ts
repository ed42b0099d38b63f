import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of echarts the dashboards use, and nothing else (tree-shaken): bars, lines and the
 * heat-map, their grid, tooltip, plain legend, piecewise colour scale and the aria description, drawn as SVG (crisp
 * on phones, readable by tests). Loaded on demand by EChart, so it is its own chunk.
 */
echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  SVGRenderer,
]);

export { echarts };
