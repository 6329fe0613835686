"""The demo data of `manage.py seed_demo`: collectivities, procedures and their forms, accounts.

`collectivities`, `procedures`, `forms` and `accounts` hold the data; `seed` writes it.
Like the default content of `pages.defaults`, the data is French page content, not interface
text: it is not marked for translation.
"""
