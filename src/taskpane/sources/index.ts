/**
 * Cloud data in the pane. Mount lazily so connectors, Arquero and Parquet readers load only when
 * the section opens: `const CloudSourcesPanel = lazy(() => import('./sources').then((m) => ({ default: m.CloudSourcesPanel })))`.
 */
export { CloudSourcesPanel } from './CloudSourcesPanel';
