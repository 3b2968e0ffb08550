import { useEffect, useMemo, useState } from 'react';
import type { FreshnessReport } from '../../refresh/dashboards';
import { useServices } from '../services-context';
import { paneDashboards } from './pane-dashboards';

/**
 * The latest "up to date / out of date" report for dashboards and saved queries; checks once when
 * the component mounts (the pane or section opens), then follows the watch started with the pane
 * (sheet activated or changed, a refresh recorded).
 *
 * @example const freshness = useFreshness(); freshness?.queries.get(id)
 */
export function useFreshness(): FreshnessReport | undefined {
  const services = useServices();
  const pane = useMemo(() => paneDashboards(services), [services]);
  const [report, setReport] = useState<FreshnessReport | undefined>(pane.freshness.latest);
  useEffect(() => {
    const off = pane.freshness.subscribe(setReport);
    void pane.freshness.check().catch(() => undefined);
    return off;
  }, [pane]);
  return report;
}
