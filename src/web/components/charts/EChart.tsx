import { Skeleton } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { usePrefersReducedMotion } from '../../hooks/use-prefers-reduced-motion';

/** echarts and its parts, fetched once, the first time a chart is shown. */
let loading: Promise<typeof import('./echarts-setup')> | null = null;
function loadECharts() {
  loading ??= import('./echarts-setup');
  return loading;
}

/**
 * echarts' aria option: the chart described by its label (read by screen readers with the SVG); no
 * animation for a person who asked for less motion.
 */
function withAria(option: EChartsCoreOption, label: string, isStill: boolean): EChartsCoreOption {
  return {
    ...option,
    ...(isStill ? { animation: false } : {}),
    aria: { enabled: true, label: { enabled: true, description: label } },
  };
}

/**
 * One echarts chart: created when mounted (echarts is loaded then, in its own chunk), resized with
 * its container, disposed when unmounted. The label names the chart for screen readers, on the
 * element and through echarts' aria description of the data.
 */
export function EChart(props: {
  option: EChartsCoreOption;
  /** What the chart shows, in a sentence. */
  label: string;
  height: number;
  /** Wider than the screen: the container scrolls (the heat-map on a phone). */
  minWidth?: number;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(props.option);
  latest.current = props.option;
  const labelRef = useRef(props.label);
  labelRef.current = props.label;
  const isStill = usePrefersReducedMotion();
  const isStillRef = useRef(isStill);
  isStillRef.current = isStill;
  const [isReady, setReady] = useState(false);

  useEffect(() => {
    let isDisposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then(({ echarts }) => {
        const element = container.current;
        if (isDisposed || !element) return;
        // echarts' own words (the aria description when none is given) would be Chinese by default.
        const instance = echarts.init(element, undefined, { renderer: 'svg', locale: 'EN' });
        chart.current = instance;
        instance.setOption(withAria(latest.current, labelRef.current, isStillRef.current));
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element);
        setReady(true);
      })
      .catch(() => {
        // A failed chunk (connection lost): the table beside every chart still shows the figures.
      });
    return () => {
      isDisposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(withAria(props.option, props.label, isStill), { notMerge: true });
  }, [props.option, props.label, isStill]);

  return (
    <div style={{ width: '100%', overflowX: props.minWidth ? 'auto' : undefined, position: 'relative' }}>
      {isReady ? null : (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton active paragraph={{ rows: 4 }} />
        </div>
      )}
      <div
        ref={container}
        role="img"
        aria-label={props.label}
        data-testid={props.testId}
        data-ready={isReady ? 'true' : 'false'}
        style={{ width: '100%', minWidth: props.minWidth, height: props.height }}
      />
    </div>
  );
}
