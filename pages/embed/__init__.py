"""The embed widget (`/integration/`): commune websites show the portal's procedures.

One snippet on the commune's website: a script (`embed.js`) that fills a placeholder with the
procedure list (search and rubric filter) or with a "Make the request" button, inside a shadow
root (the host page's CSS does not leak in, its font does); or an iframe for sites that forbid
scripts. Served by the collectivity's own host, without cookies, open to every origin.
"""
