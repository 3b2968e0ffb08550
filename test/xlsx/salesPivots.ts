/**
 * Pivots over the sales fixture with the cells Excel renders for them, worked out by hand (see
 * salesFixture.ts for the source rows and sums). Shared by the loader tests and the check that
 * the simulator's own renderer draws the same cells.
 */
import { PRODUCT_ITEMS, REGION_ITEMS, pivotXml } from './salesFixture';

const n = (v: number) => ({ v, s: 1 });

// Compact: one label column; each Region row carries its subtotal (subtotalTop defaults on).
export const COMPACT_PIVOT = {
  cells: {
    A3: 'Row Labels', B3: 'Sum of Sales',
    A4: 'East', B4: n(30), A5: 'Apples', B5: n(10), A6: 'Pears', B6: n(20),
    A7: 'North', B7: n(7), A8: 'Apples', B8: n(7),
    A9: 'West', B9: n(75), A10: 'Apples', B10: n(30), A11: 'Pears', B11: n(40), A12: 'Plums', B12: n(5),
    A13: 'Grand Total', B13: n(112),
  },
  definition: pivotXml('name="PivotCompact" outline="1" outlineData="1"', `
    <location ref="A3:B13" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>
    <pivotFields count="3">
      <pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField>
      <pivotField axis="axisRow" showAll="0">${PRODUCT_ITEMS}</pivotField>
      <pivotField dataField="1" showAll="0"/>
    </pivotFields>
    <rowFields count="2"><field x="0"/><field x="1"/></rowFields>
    <colItems count="1"><i/></colItems>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0" numFmtId="3"/></dataFields>`),
};

export const OUTLINE_PIVOT = {
  cells: {
    A3: 'Region', B3: 'Product', C3: 'Sum of Sales',
    A4: 'East', B5: 'Apples', C5: 10, B6: 'Pears', C6: 20, A7: 'East Total', C7: 30,
    A8: 'North', B9: 'Apples', C9: 7, A10: 'North Total', C10: 7,
    A11: 'West', B12: 'Apples', C12: 30, B13: 'Pears', C13: 40, B14: 'Plums', C14: 5, A15: 'West Total', C15: 75,
    A16: 'Grand Total', C16: 112,
  },
  definition: pivotXml('name="PivotOutline" compact="0" compactData="0" outline="1" outlineData="1"', `
    <location ref="A3:C16" firstHeaderRow="1" firstDataRow="1" firstDataCol="2"/>
    <pivotFields count="3">
      <pivotField axis="axisRow" compact="0" subtotalTop="0" showAll="0">${REGION_ITEMS}</pivotField>
      <pivotField axis="axisRow" compact="0" subtotalTop="0" showAll="0">${PRODUCT_ITEMS}</pivotField>
      <pivotField dataField="1" compact="0" showAll="0"/>
    </pivotFields>
    <rowFields count="2"><field x="0"/><field x="1"/></rowFields>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0"/></dataFields>`),
};

export const TABULAR_PIVOT = {
  cells: {
    A3: 'Region', B3: 'Product', C3: 'Sum of Sales',
    A4: 'East', B4: 'Apples', C4: 10, A5: 'East', B5: 'Pears', C5: 20,
    A6: 'North', B6: 'Apples', C6: 7,
    A7: 'West', B7: 'Apples', C7: 30, A8: 'West', B8: 'Pears', C8: 40, A9: 'West', B9: 'Plums', C9: 5,
  },
  definition: pivotXml('name="PivotTabular" compact="0" compactData="0" rowGrandTotals="0" colGrandTotals="0" gridDropZones="1"', `
    <location ref="A3:C9" firstHeaderRow="1" firstDataRow="1" firstDataCol="2"/>
    <pivotFields count="3">
      <pivotField axis="axisRow" compact="0" outline="0" showAll="0" defaultSubtotal="0"><items count="3"><item x="0"/><item x="2"/><item x="1"/></items>
        <extLst><ext uri="{2946ED86-A175-432a-8AC1-64E0C546D7DE}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:pivotField fillDownLabels="1"/></ext></extLst></pivotField>
      <pivotField axis="axisRow" compact="0" outline="0" showAll="0" defaultSubtotal="0"><items count="3"><item x="0"/><item x="1"/><item x="2"/></items></pivotField>
      <pivotField dataField="1" compact="0" outline="0" showAll="0"/>
    </pivotFields>
    <rowFields count="2"><field x="0"/><field x="1"/></rowFields>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0"/></dataFields>`),
};

// colGrandTotals="0": no Grand Total column on the right; the bottom Grand Total row stays.
export const CROSS_PIVOT = {
  cells: {
    A3: 'Sum of Sales', B3: 'Column Labels',
    A4: 'Row Labels', B4: 'Apples', C4: 'Pears', D4: 'Plums',
    A5: 'East', B5: 10, C5: 20, A6: 'North', B6: 7, A7: 'West', B7: 30, C7: 40, D7: 5,
    A8: 'Grand Total', B8: 47, C8: 60, D8: 5,
  },
  definition: pivotXml('name="PivotCross" outline="1" outlineData="1" colGrandTotals="0"', `
    <location ref="A3:D8" firstHeaderRow="1" firstDataRow="2" firstDataCol="1"/>
    <pivotFields count="3">
      <pivotField axis="axisRow" showAll="0">${REGION_ITEMS}</pivotField>
      <pivotField axis="axisCol" showAll="0">${PRODUCT_ITEMS}</pivotField>
      <pivotField dataField="1" showAll="0"/>
    </pivotFields>
    <rowFields count="1"><field x="0"/></rowFields>
    <colFields count="1"><field x="1"/></colFields>
    <dataFields count="1"><dataField name="Sum of Sales" fld="2" baseField="0" baseItem="0"/></dataFields>`),
};
