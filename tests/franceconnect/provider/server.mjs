// A local FranceConnect v2 stand-in for the portal's end-to-end tests.
//
// It is a real OpenID Connect provider (oidc-provider, the library FranceConnect's core is built
// on) served with FranceConnect's paths under /api/v2, an ES256 + RS256 JWKS, `acr=eidas1`, and
// the userinfo answered as a signed JWT. The interaction pages approve a fixed test user when
// their form is posted, so a test can drive the whole flow with plain HTTP requests.
//
// Environment:
//   PORT                       port to listen on (127.0.0.1)
//   REDIRECT_URIS              comma-separated callback URLs registered for every client
//   POST_LOGOUT_REDIRECT_URIS  comma-separated URLs accepted after logout
//   CLIENT_SECRET              the secret shared by every client
//
// Clients: `portal-es256` and `portal-rs256` behave; `misbehave-<mode>` (see TAMPERINGS) send a
// broken ID token or userinfo so that the relying party's refusals can be tested.
import crypto from 'node:crypto';
import http from 'node:http';

import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import Provider from 'oidc-provider';

const MOUNT = '/api/v2';
const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}${MOUNT}`;
const redirectUris = process.env.REDIRECT_URIS.split(',');
const postLogoutRedirectUris = process.env.POST_LOGOUT_REDIRECT_URIS.split(',');
const clientSecret = process.env.CLIENT_SECRET;

// FranceConnect's well-known test citizen.
const TEST_CITIZEN = {
  sub: 'b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1',
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
  birthdate: '1962-08-24',
  birthplace: '75107',
  birthcountry: '99100',
  gender: 'female',
  email: 'wossewodda-3728@yopmail.com',
  preferred_username: '',
};
const IDENTITY_SCOPES = [
  'given_name', 'family_name', 'birthdate', 'birthplace', 'birthcountry', 'gender', 'email',
  'preferred_username',
];

function signingKey(kid, alg, type, options) {
  const { privateKey } = crypto.generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
}
const es256Key = signingKey('fc-es256', 'ES256', 'ec', { namedCurve: 'P-256' });
const rs256Key = signingKey('fc-rs256', 'RS256', 'rsa', { modulusLength: 2048 });
// Not published: what an attacker would sign with, under the genuine key's `kid`.
const rogueKey = signingKey('fc-es256', 'ES256', 'ec', { namedCurve: 'P-256' });

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const sign = async (claims, jwk, header = {}) => new SignJWT(claims)
  .setProtectedHeader({ alg: jwk.alg, kid: jwk.kid, ...header })
  .sign(await importJWK(jwk, jwk.alg));

// How each misbehaving client breaks its JWT: [which JWT, rewrite(claims, header) -> JWT].
const TAMPERINGS = {
  'wrong-key': ['id_token', (claims) => sign(claims, rogueKey)],
  'wrong-aud': ['id_token', (claims) => sign({ ...claims, aud: 'another-client' }, es256Key)],
  'wrong-iss': ['id_token', (claims) => sign({ ...claims, iss: 'https://evil.example/api/v2' }, es256Key)],
  'wrong-nonce': ['id_token', (claims) => sign({ ...claims, nonce: 'not-the-nonce' }, es256Key)],
  expired: ['id_token', (claims) => sign({ ...claims, iat: now() - 7200, exp: now() - 3600 }, es256Key)],
  'alg-none': ['id_token', async (claims, header) => `${b64({ ...header, alg: 'none' })}.${b64(claims)}.`],
  hs256: ['id_token', async (claims, header) => new SignJWT(claims)
    .setProtectedHeader({ ...header, alg: 'HS256' })
    .sign(new TextEncoder().encode(clientSecret))],
  'userinfo-wrong-key': ['userinfo', (claims) => sign(claims, rogueKey)],
  'userinfo-other-sub': ['userinfo', (claims) => sign({ ...claims, sub: 'someone-else' }, es256Key)],
};

async function tamper(jwt, rewrite) {
  return rewrite(decodeJwt(jwt), decodeProtectedHeader(jwt));
}

function client(clientId, alg) {
  return {
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: alg,
    userinfo_signed_response_alg: alg,
  };
}

const provider = new Provider(issuer, {
  clients: [
    client('portal-es256', 'ES256'),
    client('portal-rs256', 'RS256'),
    ...Object.keys(TAMPERINGS).map((mode) => client(`misbehave-${mode}`, 'ES256')),
  ],
  jwks: { keys: [es256Key, rs256Key] },
  routes: {
    authorization: '/authorize',
    token: '/token',
    userinfo: '/userinfo',
    end_session: '/session/end',
    jwks: '/jwks',
  },
  claims: Object.fromEntries([['acr', null], ...IDENTITY_SCOPES.map((s) => [s, [s]])]),
  acrValues: ['eidas1', 'eidas2', 'eidas3'],
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  features: {
    devInteractions: { enabled: false },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, accountId) {
    if (accountId !== TEST_CITIZEN.sub) return undefined;
    return { accountId, claims: () => TEST_CITIZEN };
  },
});

provider.use(async (ctx, next) => {
  await next();
  const route = ctx.oidc?.route;
  const clientId = ctx.oidc?.client?.clientId ?? '';
  if (!clientId.startsWith('misbehave-') || ctx.status !== 200) return;
  const [target, rewrite] = TAMPERINGS[clientId.slice('misbehave-'.length)];
  if (route === 'token' && target === 'id_token' && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await tamper(ctx.body.id_token, rewrite) };
  } else if (route === 'userinfo' && target === 'userinfo') {
    ctx.body = await tamper(ctx.body, rewrite);
  }
});

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

// GET shows the prompt; POST approves it for the test citizen (login at eidas1, then consent).
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const prompt = details.prompt.name;
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(`FranceConnect stand-in: ${prompt}`, `<form method="post" action="${req.url}">
      <button type="submit">Approve as ${TEST_CITIZEN.given_name} ${TEST_CITIZEN.family_name}</button>
      </form>`));
    return;
  }
  let result;
  if (prompt === 'login') {
    result = { login: { accountId: TEST_CITIZEN.sub, acr: 'eidas1', amr: ['pwd'] } };
  } else {
    const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result);
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    if (req.url.startsWith(`${MOUNT}/`)) {
      req.originalUrl = req.url;
      req.url = req.url.slice(MOUNT.length);
      await callback(req, res);
    } else if (req.url.startsWith('/interaction/')) {
      await interaction(req, res);
    } else {
      res.writeHead(404).end();
    }
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});
server.listen(port, '127.0.0.1', () => console.log(`FranceConnect stand-in ready on ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
