/**
 * The pane-start bench's yardstick (issue 18 part 3): a blank Fluent UI v9 page with one button,
 * bundled by esbuild with the same React and Fluent packages as the task pane. How fast this page
 * becomes interactive is what any Fluent pane costs on this machine; the task pane's start is
 * printed as a ratio to it.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Blank Fluent page</Button>
  </FluentProvider>,
);
