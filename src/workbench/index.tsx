/**
 * Entry point of workbench.html: builds the sample workbook once, opens it in the Excel
 * simulator and shows it beside the real task pane. Dev/test infrastructure only; never part of
 * the production add-in bundle. `workbench.html?salesRows=1000000` seeds a larger Sales table
 * (the pane bench, `npm run bench -- pane`, uses a million rows).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createSimulator } from '../simulator';
import { buildSampleWorkbook, fillSalesRows, generateSalesRows, sampleWithEmptySales } from './sample';
import { createWorkbenchSession } from './session';
import { MODEL_ROWS, sampleRowsFromUrl } from './sample-size';
import { installTestApi } from './test-api';
import { Workbench } from './Workbench';

const started = performance.now();
const salesRows = sampleRowsFromUrl(window.location.search);
// Past MODEL_ROWS the rows cannot sit in a workbook model (see sampleWithEmptySales): the table
// starts empty and is filled through the Excel API before the page shows.
const large = salesRows > MODEL_ROWS;
const session = createWorkbenchSession(
  () => (large ? sampleWithEmptySales(salesRows) : buildSampleWorkbook({ rows: salesRows })),
  createSimulator,
);

function show(): void {
  installTestApi(session, performance.now() - started);
  const container = document.getElementById('root');
  if (!container) throw new Error('workbench.html has no #root element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Workbench session={session} />
    </FluentProvider>,
  );
}

if (large) void fillSalesRows(session.simulator().run, generateSalesRows({ rows: salesRows })).then(show);
else show();
