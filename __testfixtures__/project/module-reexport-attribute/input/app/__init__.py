"""The package hands its submodule on (`app.net`, once `import app` ran)."""
from . import net
