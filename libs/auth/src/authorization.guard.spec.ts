import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Caller, ErrorCode, Role } from '@app/common';
import { createHmac } from 'node:crypto';
import { AuthRule } from './auth-rule.decorator';
import { AuthService } from './auth.service';
import { AuthorizationGuard } from './authorization.guard';
import { GraphQLRequestState } from './request-context.decorator';

const SECRET = 'a-test-secret-a-test-secret-a-test-secret';
const CALLER: Caller = Object.freeze({ userId: 'u-1', email: 'c@ara.test', role: Role.COORDINATOR, organizationId: 'o-1', regionId: 'r-1' });
const signer = new JwtService({ secret: SECRET });
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token written by hand, to say what jsonwebtoken would refuse to sign. */
const handMade = (header: unknown, claims: unknown, secret = SECRET) => {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

function guard(rule: AuthRule = { public: false, roles: [Role.COORDINATOR] }) {
  const lookups: string[] = [];
  const auth = {
    callerOf: ({ sub }: { sub: string }) => {
      lookups.push(sub);
      return Promise.resolve(sub === CALLER.userId ? CALLER : null);
    },
  } as unknown as AuthService;
  const reflector = { getAllAndOverride: () => rule } as unknown as Reflector;
  return { guard: new AuthorizationGuard(reflector, auth, { jwtSecret: SECRET } as AppConfig), lookups };
}

async function outcome(authorization: string | undefined, rule?: AuthRule): Promise<string> {
  const { guard: g } = guard(rule);
  const state: GraphQLRequestState = { req: { headers: authorization === undefined ? {} : { authorization }, ip: '127.0.0.1' } };
  const context = new ExecutionContextHost([{}, {}, state, {}], class Resolver {}, function handler() {});
  context.setType('graphql');
  try {
    await g.canActivate(context);
    return state.ctx?.caller?.userId ?? 'anonymous';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('the token check of the global guard', () => {
  it('accepts a token signed with our secret, its caller from AuthService', async () => {
    expect(await outcome(`Bearer ${signer.sign({ sub: 'u-1', role: Role.COORDINATOR }, { expiresIn: 60 })}`)).toBe('u-1');
    expect(await outcome(`bearer ${signer.sign({ sub: 'u-1', role: Role.COORDINATOR })}`)).toBe('u-1');
  });

  it('refuses a missing, malformed or foreign token as UNAUTHENTICATED', async () => {
    const good = signer.sign({ sub: 'u-1', role: Role.COORDINATOR }, { expiresIn: 60 });
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const refused = [
      undefined,
      good,
      `Basic ${good}`,
      'Bearer ',
      'Bearer a.b',
      `Bearer ${header}.${payload}`,
      `Bearer ${header}.${payload}.`,
      `Bearer ${header}.${b64({ sub: 'u-1', role: Role.ADMIN })}.${signature}`,
      `Bearer ${header}.${payload}.${signature}A`,
      `Bearer ${header}.${payload}.${signature}=`,
      `Bearer ${header}.${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `Bearer ${new JwtService({ secret: `${SECRET}-other` }).sign({ sub: 'u-1' })}`,
      `Bearer ${signer.sign({ sub: 'u-2', role: Role.COORDINATOR })}`,
    ];
    for (const authorization of refused) expect([authorization, await outcome(authorization)]).toEqual([authorization, ErrorCode.UNAUTHENTICATED]);
  });

  it('refuses another algorithm, an expired or not yet valid token and claims of the wrong type', async () => {
    const claims = { sub: 'u-1', role: Role.COORDINATOR };
    const refused = [
      handMade({ alg: 'none', typ: 'JWT' }, claims),
      handMade({ alg: 'HS512', typ: 'JWT' }, claims),
      handMade({ typ: 'JWT' }, claims),
      `${b64({ alg: 'none' })}.${b64(claims)}.`,
      signer.sign({ ...claims, exp: now() - 1 }),
      signer.sign({ ...claims, exp: now() }),
      signer.sign({ ...claims, nbf: now() + 60 }),
      handMade({ alg: 'HS256' }, { ...claims, exp: String(now() + 60) }),
      handMade({ alg: 'HS256' }, { ...claims, nbf: String(now() - 60) }),
      handMade({ alg: 'HS256' }, { ...claims, iat: 'yesterday' }),
      handMade({ alg: 'HS256' }, { role: Role.COORDINATOR }),
      handMade({ alg: 'HS256' }, 'u-1'),
      handMade({ alg: 'HS256' }, claims, `${SECRET}-other`),
    ];
    for (const token of refused) expect([token, await outcome(`Bearer ${token}`)]).toEqual([token, ErrorCode.UNAUTHENTICATED]);
    expect(await outcome(`Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, nbf: now() - 1, exp: now() + 60 })}`)).toBe('u-1');
  });

  it('checks the role after the token, and lets a public operation through without one', async () => {
    const token = `Bearer ${signer.sign({ sub: 'u-1', role: Role.COORDINATOR })}`;
    expect(await outcome(token, { public: false, roles: [Role.ADMIN] })).toBe(ErrorCode.FORBIDDEN);
    expect(await outcome(undefined, { public: true })).toBe('anonymous');
    expect(await outcome('Bearer forged', { public: true })).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await outcome(token, { public: true })).toBe('u-1');
  });
});
