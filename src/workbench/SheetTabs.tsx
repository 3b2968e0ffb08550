/** Sheet tabs under the grid; selecting one activates that worksheet in the simulator. */
import * as React from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { useSheetTabsStyles } from './SheetTabs.styles';

export interface SheetTabsProps {
  sheets: string[];
  active: string;
  onActivate(sheet: string): void;
  /** Worksheet.tabColor per sheet ("#RRGGBB"); absent or "" = automatic. */
  tabColor?(sheet: string): string;
}

export function SheetTabs({ sheets, active, onActivate, tabColor }: SheetTabsProps): React.JSX.Element {
  const styles = useSheetTabsStyles();
  return (
    <div className={styles.root}>
      <TabList
        size="small"
        aria-label="Sheets"
        selectedValue={active}
        onTabSelect={(_, data) => onActivate(String(data.value))}
      >
        {sheets.map((name) => {
          const color = tabColor?.(name);
          // The workbook's tab colour (data, not theme) as a strip under the name, like Excel's.
          return (
            <Tab key={name} value={name} className={color ? styles.coloured : undefined} style={color ? { boxShadow: `inset 0 -3px 0 ${color}` } : undefined}>
              {name}
            </Tab>
          );
        })}
      </TabList>
    </div>
  );
}
