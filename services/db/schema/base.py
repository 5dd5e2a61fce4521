"""The one MetaData every table of the bot belongs to."""

import sqlalchemy as sa

metadata = sa.MetaData()
