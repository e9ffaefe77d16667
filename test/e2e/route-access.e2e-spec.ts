import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { AgentsService } from '../../src/auth/agents.service.js';
import { IS_PUBLIC, REQUIRED_ROLE } from '../../src/auth/auth.decorators.js';
import { ROLES } from '../../src/auth/role.js';
import type { Role } from '../../src/auth/role.js';
import { givenAgent } from '../support/factories.js';
import type { SignedInAgent } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/** Customer pages: no accounts; a ticket opens only with its signed status link. Pages are not API. */
const CUSTOMER_PAGES = [
  'GET /',
  'GET /complaint',
  'POST /complaint',
  'GET /procedure',
  'GET /privacy',
  'GET /status',
  'POST /status',
  'GET /status/:token',
  'POST /status/:token/replies',
  'GET /privacy/requests/:secret',
  'POST /privacy/requests/:secret',
  'GET /privacy/requests/:secret/export.json',
  'GET /privacy/requests/:secret/export.html',
  'GET /unsubscribe',
  'POST /unsubscribe',
  'POST /unsubscribe/one-click',
];
/** Routes anyone may call, on purpose. Anything else public is a hole this test must catch. */
const PUBLIC_BY_INTENT = [
  'POST /api/v1/auth/login',
  'GET /health/live',
  'GET /health/ready',
  'GET /console/sign-in',
  'POST /console/sign-in',
  ...CUSTOMER_PAGES,
];

/**
 * Console pages for the policy and privacy flows, with the least role each needs, as on their API: deciding is for
 * supervisors and admins, legal holds and incidents too; penalty terms, retention runs and newsletter sends are
 * the admins'.
 */
const POLICY_PAGES: Record<string, Role> = {
  'POST /console/tickets/:ticketId/transaction-cases': 'agent',
  'POST /console/transaction-cases/:id/suspend': 'agent',
  'POST /console/transaction-cases/:id/verify-legitimate': 'supervisor',
  'POST /console/transaction-cases/:id/confirm-fraud': 'supervisor',
  'POST /console/tickets/:ticketId/compensations': 'agent',
  'POST /console/compensations/:id/withdraw': 'agent',
  'GET /console/compensation': 'supervisor',
  'POST /console/compensations/:id/approve': 'supervisor',
  'POST /console/compensations/:id/reject': 'supervisor',
  'POST /console/compensations/:id/paid': 'supervisor',
  'POST /console/tickets/:ticketId/cancellations': 'agent',
  // Reducing or waiving is the supervisor's: the service decides, as on the API.
  'POST /console/cancellations/:id/decision': 'agent',
  'GET /console/admin/cancellation-terms': 'admin',
  'GET /console/admin/cancellation-terms/:productType': 'admin',
  'POST /console/admin/cancellation-terms': 'admin',
  'GET /console/legal-holds': 'supervisor',
  'POST /console/legal-holds': 'supervisor',
  'POST /console/legal-holds/:id/release': 'supervisor',
  'POST /console/tickets/:ticketId/legal-holds': 'supervisor',
  'POST /console/tickets/:ticketId/legal-holds/:holdId/release': 'supervisor',
  'GET /console/admin/retention': 'admin',
  'POST /console/admin/retention/runs': 'admin',
  'GET /console/admin/newsletters': 'admin',
  'POST /console/admin/newsletters': 'admin',
  'GET /console/incidents': 'supervisor',
  'POST /console/incidents': 'supervisor',
  'GET /console/incidents/:id': 'supervisor',
  'GET /console/incidents/:id/notification-draft': 'supervisor',
  'POST /console/incidents/:id': 'supervisor',
  'POST /console/incidents/:id/notified': 'supervisor',
  'POST /console/incidents/:id/close': 'supervisor',
};

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  role: Role;
}

/** Pages are not API: no OpenAPI entry. The console's send anonymous callers to sign in instead of a 401. */
const isPage = ({ method, path }: Route) =>
  CUSTOMER_PAGES.includes(`${method} ${path}`) || path.startsWith('/console/');
/** A console form refused for its missing CSRF token got past the guard. */
const CSRF_REFUSAL = 'Phiên làm việc đã hết hạn';

function registeredRoutes(t: TestApp): Route[] {
  const discovery = t.get(DiscoveryService);
  const scanner = t.get(MetadataScanner);
  const reflector = t.get(Reflector);
  return discovery.getControllers().flatMap(({ instance, metatype }) => {
    const prefix = Reflect.getMetadata(PATH_METADATA, metatype!) as string;
    const prototype = Object.getPrototypeOf(instance);
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const targets = [handler, metatype!];
      return [
        {
          method,
          path: `/${[prefix, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/'),
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
          role: reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? 'agent',
        },
      ];
    });
  });
}

/** A concrete URL for a route: every :param becomes a well-formed id that does not exist. */
const concrete = (path: string) => path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');

describe('every route is authorised by role (default deny)', () => {
  let t: TestApp;
  let routes: Route[];
  const as: Partial<Record<Role, SignedInAgent>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    routes = registeredRoutes(t);
    for (const role of ROLES) as[role] = await givenAgent(t, role);
  });
  afterAll(() => t.close());

  it('finds the routes the app serves', () => {
    expect(routes.length).toBeGreaterThan(20);
    const expressRoutes = (
      t.app.getHttpAdapter().getInstance().router.stack as { route?: { path: string } }[]
    )
      .filter((layer) => layer.route)
      .map((layer) => layer.route!.path)
      .filter((path) => !path.startsWith('/api/docs'));
    expect(new Set(expressRoutes)).toEqual(new Set(routes.map((route) => route.path)));
  });

  it('marks exactly the intended routes public', () => {
    const isPublic = routes.filter((route) => route.isPublic).map((route) => `${route.method} ${route.path}`);
    expect(isPublic.sort()).toEqual([...PUBLIC_BY_INTENT].sort());
  });

  it('asks the intended role on the policy and privacy pages', () => {
    const roles = Object.fromEntries(
      routes
        .filter((route) => `${route.method} ${route.path}` in POLICY_PAGES)
        .map((route) => [`${route.method} ${route.path}`, route.role]),
    );
    expect(roles).toEqual(POLICY_PAGES);
  });

  it('refuses anonymous callers with 401 on every other route (console pages: to the sign-in page)', async () => {
    for (const route of routes.filter((candidate) => !candidate.isPublic)) {
      const response = await t.http()[route.method.toLowerCase() as 'get'](concrete(route.path)).send({});
      const refusal = response.status === 303 ? `303 ${response.headers.location}` : String(response.status);
      expect(`${route.method} ${route.path} → ${refusal}`).toBe(
        `${route.method} ${route.path} → ${isPage(route) ? '303 /console/sign-in' : 401}`,
      );
    }
  });

  it('refuses callers whose role is too small with 403, and lets the right role through the guard', async () => {
    for (const route of routes.filter((candidate) => !candidate.isPublic)) {
      // A fresh token per call: some routes (logout, password change) end the token they are called with.
      const call = async (role: Role) => {
        const { token } = await t
          .get(AgentsService)
          .issuePersonalToken(as[role]!.agent.id, { name: 'route test' });
        return t
          .http()
          [route.method.toLowerCase() as 'get'](concrete(route.path))
          .set('Authorization', `Bearer ${token}`)
          .send({});
      };
      for (const role of ROLES) {
        const response = await call(role);
        const status =
          response.status === 403 && response.text.includes(CSRF_REFUSAL) ? 400 : response.status;
        const label = `${route.method} ${route.path} as ${role}`;
        if (ROLES.indexOf(role) < ROLES.indexOf(route.role))
          expect(`${label} → ${status}`).toBe(`${label} → 403`);
        else
          expect(`${label} → ${status === 401 || status === 403 ? status : 'passed the guard'}`).toBe(
            `${label} → passed the guard`,
          );
      }
    }
  });

  it('serves OpenAPI documents for every route but the pages', async () => {
    const { body } = await t.http().get('/api/docs-json').expect(200);
    for (const route of routes.filter((candidate) => !isPage(candidate))) {
      const documented = body.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(`${route.method} ${route.path}: ${documented ? 'documented' : 'missing'}`).toBe(
        `${route.method} ${route.path}: documented`,
      );
    }
    expect(body.components.schemas.ErrorResponse).toBeDefined();
    await t.http().get('/api/docs').expect(200);
  });
});
