/**
 * The pane's composition: one Services (src/refresh/services) per host, built with the pane's
 * Web Workers and the page's fetch, and handed to every section through React context. The code
 * behind it (zod, the engine, connectors) loads after the first paint.
 */
import { createContext, useContext, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import type { PaneHost } from '../excel/host-types';
import type { Services } from '../refresh/services';
import { allowsLocalHttp } from './shared/allows-local-http';

const building = new WeakMap<PaneHost, Promise<Services>>();
const built = new WeakMap<PaneHost, Services>();

/**
 * The services of a host (workbook), built once however often the pane renders; the ribbon's
 * "Refresh all" in the same page uses them too.
 * @example const services = await servicesFor(host);
 */
export function servicesFor(host: PaneHost): Promise<Services> {
  let promise = building.get(host);
  if (!promise) {
    promise = import('../refresh/services').then((m) => {
      const services = m.createServices(m.browserServiceHost(host.run, {
        canReadDataSource: host.isSetSupported('ExcelApi', '1.15'),
        workers: true,
        allowHttpLocalhost: allowsLocalHttp(host),
      }));
      built.set(host, services);
      return services;
    });
    building.set(host, promise);
  }
  return promise;
}

const ServicesContext = createContext<Services | undefined>(undefined);

/** Provides the host's services to the pane once they are built (undefined until then). */
export function ServicesProvider({ host, children }: { host: PaneHost; children: ReactNode }): ReactElement {
  const [services, setServices] = useState<Services | undefined>(() => built.get(host));
  useEffect(() => {
    let live = true;
    setServices(built.get(host));
    void servicesFor(host).then((s) => { if (live) setServices(s); });
    return () => { live = false; };
  }, [host]);
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The pane's services, or undefined while they load. */
export function useServicesIfReady(): Services | undefined {
  return useContext(ServicesContext);
}

/**
 * The pane's services, for sections rendered once they are ready (App waits for them).
 * @example const { queries, documents } = useServices();
 */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('PivotDeck is still starting; open this section again in a moment.');
  return services;
}
