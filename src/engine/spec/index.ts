export { FieldRefSchema, ItemSchema, LiteralSchema } from './common';
export { DATE_PARTS, DerivedFieldSchema, MAX_DERIVED_FIELDS, type DatePart, type DerivedField } from './derived';
export { FilterSchema, type Filter, type RelativeDateFilter, type TopNFilter } from './filters';
export { LookupSchema, type Lookup } from './lookup';
export {
  MeasureSchema,
  ShowAsSchema,
  SINGLE_FIELD_KINDS,
  TWO_FIELD_KINDS,
  type Measure,
  type MeasureCatalogueKind,
  type ShowAs,
} from './measures';
export { RESERVED_NAMES, isReservedName } from './names';
export { QuerySpecError, parseQuerySpec, validateQuerySpec, type SpecResult } from './parse-spec';
export { QUERY_SPEC_VERSION, QuerySpecSchema, SortSchema, TotalsSchema, type QuerySpec, type SortSpec, type TotalsSpec } from './query-spec';
export { SourceRefSchema, sourceRefKey, type SourceRef } from './source-ref';
