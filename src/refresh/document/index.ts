/**
 * The workbook document's one owner (DocumentService) and the per-object locks that keep sheet
 * writes and the document in agreement.
 */
export { DocumentService, memoryDocumentStorage, type DocumentChange, type DocumentMutator, type DocumentStorage } from './document-service';
export { workbookDocumentStorage } from './workbook-document-storage';
export { ObjectLocks, lockKey } from './object-locks';
