/**
 * Dashboards in the pane. Mount lazily so the dashboard code, the engine and Arquero load only
 * when the section opens: `const DashboardsPanel = lazy(() => import('./dashboards').then((m) => ({ default: m.DashboardsPanel })))`.
 */
export { DashboardsPanel } from './DashboardsPanel';
