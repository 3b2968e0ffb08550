/** One list of this computer's host names, for the http-in-development rule and for credentials. */
import { describe, expect, it } from 'vitest';
import { checkUrl, isLocalHostname, LOCAL_HOSTNAMES } from '../../src/connectors';
import { LOCAL_HOSTNAMES as SERVICES_LOCAL_HOSTNAMES } from '../../src/refresh/services/local-hosts';

describe('local host names', () => {
  it('are localhost, 127.0.0.1 and [::1], nothing that merely looks local', () => {
    for (const h of ['localhost', '127.0.0.1', '[::1]']) expect(isLocalHostname(h), h).toBe(true);
    for (const h of ['127.0.0.2', 'localhost.example.com', '::1', 'LOCALHOST.', '', undefined]) expect(isLocalHostname(h), String(h)).toBe(false);
    expect(new URL('http://[::1]:8080/').hostname).toBe('[::1]'); // why the brackets are in the list
  });

  it('http is allowed to exactly those hosts when asked, and never elsewhere', () => {
    expect(checkUrl('http://[::1]:8080/a.csv', { allowHttpLocalhost: true }).port).toBe('8080');
    expect(() => checkUrl('http://127.0.0.2/a.csv', { allowHttpLocalhost: true })).toThrow();
    expect(() => checkUrl('http://localhost/a.csv')).toThrow();
  });

  it('the composition root uses the same list (until it imports this one)', () => {
    expect([...SERVICES_LOCAL_HOSTNAMES].sort()).toEqual([...LOCAL_HOSTNAMES].sort());
  });
});
