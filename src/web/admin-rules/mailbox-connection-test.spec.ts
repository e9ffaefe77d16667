import { connectionProblem, failureDetail } from './mailbox-connection-test.js';

describe('mailbox connection test', () => {
  const failure = (fields: Record<string, unknown>) => Object.assign(new Error('Command failed'), fields);

  it('tells a refused login from network, TLS and folder problems', () => {
    expect(connectionProblem(failure({ authenticationFailed: true }), 'sign-in')).toBe('wrongLogin');
    expect(connectionProblem(failure({ code: 'ENOTFOUND' }), 'sign-in')).toBe('unknownHost');
    expect(connectionProblem(failure({ code: 'ECONNREFUSED' }), 'sign-in')).toBe('refused');
    expect(connectionProblem(failure({ code: 'CONNECT_TIMEOUT' }), 'sign-in')).toBe('timeout');
    expect(connectionProblem(failure({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), 'sign-in')).toBe('tls');
    expect(connectionProblem(failure({}), 'folder')).toBe('folder');
    expect(connectionProblem(failure({}), 'sign-in')).toBe('other');
    expect(connectionProblem(undefined, 'sign-in')).toBe('other');
  });

  it('keeps the server’s own answer over imapflow’s generic message', () => {
    expect(failureDetail(failure({ responseText: 'Authentication failed.' }))).toBe('Authentication failed.');
    expect(failureDetail(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:1',
    );
  });
});
