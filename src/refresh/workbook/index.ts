export { loadLists, type Loaded, type WorkbookLists } from './load-lists';
export { readPreview, type PreviewRead } from './read-preview';
