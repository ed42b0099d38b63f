import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of echarts the dashboards use, and nothing else (tree-shaken): bars, lines and the
 * heat-map, their grid, tooltip, legend, colour scale and the aria description, drawn as SVG (crisp
 * on phones, readable by tests). Loaded on demand by EChart, so it is its own chunk.
 */
echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
