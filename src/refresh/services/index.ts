/** The composition root of one workbook runtime (pane or ribbon). */
export { createServices, type ServiceHost, type Services } from './create-services';
export { browserServiceHost } from './browser-host';
export { isLocalHostname, pageIsLocal, LOCAL_HOSTNAMES } from './local-hosts';
/** What the pane's "Your data" view shows and removes (the store itself is built in create-services). */
export type { CredentialStore, StoredCredential } from '../../connectors/credentials';
