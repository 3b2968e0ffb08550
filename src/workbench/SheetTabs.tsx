/** Sheet tabs under the grid; selecting one activates that worksheet in the simulator. */
import * as React from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { useSheetTabsStyles } from './SheetTabs.styles';

export interface SheetTabsProps {
  sheets: string[];
  active: string;
  onActivate(sheet: string): void;
}

export function SheetTabs({ sheets, active, onActivate }: SheetTabsProps): React.JSX.Element {
  const styles = useSheetTabsStyles();
  return (
    <div className={styles.root}>
      <TabList
        size="small"
        aria-label="Sheets"
        selectedValue={active}
        onTabSelect={(_, data) => onActivate(String(data.value))}
      >
        {sheets.map((name) => <Tab key={name} value={name}>{name}</Tab>)}
      </TabList>
    </div>
  );
}
