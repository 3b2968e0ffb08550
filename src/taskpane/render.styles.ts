import { makeStyles } from '@fluentui/react-components';

export const useRenderStyles = makeStyles({
  provider: {
    minHeight: '100vh',
  },
});
