import { Grid } from 'antd';

/** Wide enough for side menus and multi-column layouts (antd's md breakpoint, 768 px). */
export function useIsDesktop(): boolean {
  return Grid.useBreakpoint().md === true;
}
