// Types for scripts/dev-certs.mjs.
export interface CertificatePaths { dir: string; ca: string; cert: string; key: string }
export function certificatePaths(root: string): CertificatePaths;
export function ensureCertificates(root: string): Promise<{ ok: true; paths: CertificatePaths; created: boolean } | { ok: false; reason: string }>;
