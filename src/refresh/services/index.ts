/** The composition root of one workbook runtime (pane or ribbon). */
export { createServices, type ServiceHost, type Services } from './create-services';
export { browserServiceHost } from './browser-host';
export { isLocalHostname, pageIsLocal, LOCAL_HOSTNAMES } from './local-hosts';
