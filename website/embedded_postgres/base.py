"""The PostgreSQL backend, on the embedded server under var/: started at the first connection.

Settings only name the data folder (DATABASES["default"]["DATA_DIR"]); nothing
starts when they are imported, so `manage.py check` or a management command that
never queries starts no server.
"""

from pathlib import Path

from django.db.backends.postgresql import base

from website.embedded_db import start_server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        if not self.settings_dict.get("HOST"):
            # Filled in once; copies of these settings (the test database's) reuse them.
            self.settings_dict.update(start_server(Path(self.settings_dict["DATA_DIR"])))
        return super().get_connection_params()
