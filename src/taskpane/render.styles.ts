import { makeStyles } from '@fluentui/react-components';

export const useRenderStyles = makeStyles({
  // On a wrapper, never on FluentProvider itself: Fluent copies the provider's className onto
  // every portal (dropdown lists, popovers), and a 100vh portal covers the pane and eats clicks.
  fill: {
    minHeight: '100vh',
  },
});
