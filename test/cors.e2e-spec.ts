import request from 'supertest';
import { TestApp } from './support/test-app';

const CONSOLE = 'https://console.reseau.example';

/** A console hosted elsewhere than the API calls it from the browser only when its origin is named. */
describe('CORS', () => {
  describe('by default (the console is served by the API itself)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start();
    });
    afterAll(() => t.close());

    it('answers no other origin: no CORS header, even to a preflight', async () => {
      const preflight = await request(t.app.getHttpServer())
        .options('/graphql')
        .set('origin', CONSOLE)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type, authorization');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const post = await request(t.app.getHttpServer()).post('/graphql').set('origin', CONSOLE).send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ corsOrigins: [CONSOLE] });
    });
    afterAll(() => t.close());

    it('lets the named console send GraphQL with its token, and reads the request id back', async () => {
      const preflight = await request(t.app.getHttpServer())
        .options('/graphql')
        .set('origin', CONSOLE)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type, authorization');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

      const post = await request(t.app.getHttpServer()).post('/graphql').set('origin', CONSOLE).send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(post.headers['access-control-expose-headers']).toMatch(/x-request-id/);
    });

    it('still answers no other origin', async () => {
      const post = await request(t.app.getHttpServer()).post('/graphql').set('origin', 'https://evil.example').send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
