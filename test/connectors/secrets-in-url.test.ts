import { describe, expect, it } from 'vitest';
import { describeUrlSecrets, findSecretsInUrl, isSecretParameter } from '../../src/connectors/http/secrets-in-url';
import { canonicalOrigin, secretMayGoTo } from '../../src/connectors/http/origin';
import { containsSecret, redactSecrets } from '../../src/connectors/http/redact';

describe('secrets typed into an address', () => {
  it('finds userinfo and secret parameters, and returns the address without them', () => {
    const found = findSecretsInUrl('https://ann:p%C3%A4ss%40w@api.example.com/a.csv?page=2&api_key=k-1&Sort=name&X-Amz-Signature=abc');
    expect(found).toEqual({
      clean: 'https://api.example.com/a.csv?page=2&Sort=name',
      found: [
        { kind: 'userinfo', user: 'ann', password: 'päss@w' },
        { kind: 'query', name: 'api_key', value: 'k-1' },
        { kind: 'query', name: 'X-Amz-Signature', value: 'abc' },
      ],
    });
    expect(describeUrlSecrets(found!.found)).toBe('a user name and password, the parameter "api_key" and the parameter "X-Amz-Signature"');
  });

  it('knows the usual names, whatever their case and separators, and leaves ordinary parameters alone', () => {
    for (const name of ['api_key', 'apikey', 'API-Key', 'key', 'token', 'access_token', 'password', 'sig', 'signature', 'secret', 'client_secret', 'private_token', 'X-Goog-Signature']) {
      expect(isSecretParameter(name), name).toBe(true);
    }
    for (const name of ['page', 'limit', 'offset', 'format', 'gid', 'keyword', 'monkey', 'tokens_per_page', 'sort']) {
      expect(isSecretParameter(name), name).toBe(false);
    }
  });

  it('says nothing about clean addresses, empty values or text that is not an address', () => {
    expect(findSecretsInUrl('https://api.example.com/a.csv?page=2&key=')).toBeUndefined();
    expect(findSecretsInUrl('https://docs.google.com/spreadsheets/d/abc/edit#gid=0')).toBeUndefined();
    expect(findSecretsInUrl('not an address')).toBeUndefined();
  });

  it('keeps an untouched query as typed when only userinfo is removed', () => {
    expect(findSecretsInUrl('https://ann:pw@ch.example.com:8443/?database=a%20b')?.clean).toBe('https://ch.example.com:8443/?database=a%20b');
  });
});

describe('origins: the one rule', () => {
  it('normalises case and default ports; scheme, host and port must all match', () => {
    expect(canonicalOrigin('HTTPS://API.Example.com:443/x?y')).toBe('https://api.example.com');
    expect(canonicalOrigin('http://127.0.0.1:80')).toBe('http://127.0.0.1');
    expect(canonicalOrigin('api.example.com')).toBeUndefined();
    expect(canonicalOrigin('ftp://api.example.com')).toBeUndefined();
    expect(secretMayGoTo('https://api.example.com', new URL('https://API.example.com:443/v1'))).toBe(true);
    expect(secretMayGoTo('https://api.example.com', new URL('https://api.example.com:8443/v1'))).toBe(false);
    expect(secretMayGoTo('https://api.example.com', new URL('http://api.example.com/v1'))).toBe(false);
    expect(secretMayGoTo('https://api.example.com', new URL('https://evil.example.com/?https://api.example.com'))).toBe(false);
    expect(secretMayGoTo('https://api.example.com', new URL('https://api.example.com.evil.example/'))).toBe(false);
    expect(secretMayGoTo('https://api.example.com', new URL('https://api.example.com@evil.example/'))).toBe(false);
    expect(secretMayGoTo('api.example.com', new URL('https://api.example.com/'))).toBe(false);
  });
});

describe('redaction of messages', () => {
  it('removes the secret in every travelling form, URL queries, key=value secrets and Authorization values', () => {
    const secret = 'pä:ss wörd&x=1';
    const b64 = Buffer.from(secret).toString('base64');
    const text = `Denied for http://h/?user=ann&password=${encodeURIComponent(secret)} (${secret}) [${b64}] token: abc123 Authorization: Bearer abcdefgh.ijk`;
    const out = redactSecrets(text, [secret]);
    expect(out).toBe('Denied for http://h/… (…) […] token: … Authorization: Bearer …');
    expect(containsSecret(out, [secret])).toBe(false);
    expect(containsSecret(text, [secret])).toBe(true);
  });

  it('leaves ordinary sentences readable', () => {
    expect(redactSecrets('Table default.x doesn\'t exist. Did you mean flights? Check the name.', ['hunter22'])).toBe('Table default.x doesn\'t exist. Did you mean flights? Check the name.');
  });
});
