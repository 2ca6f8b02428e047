"""Compile each theme template once per build, not once per generator and language.

Pelican gives every generator its own Jinja environment, and i18n_subsites runs the whole
build again for each language, so base.html and each partial were compiled a dozen times
(74 compiles in the build, about 0.4 s at 1,000 articles, and again in each render worker).
Jinja's documented hook for reusing compiled templates is a bytecode cache
(`jinja2.BytecodeCache`, passed to the Environment through JINJA_ENVIRONMENT); this one
lives in memory for one build and is shared by every environment of it, the other
languages' included. Jinja checks each template's source against its checksum, so an edited
template is compiled again.

Every environment of the build has the same JINJA_ENVIRONMENT (extensions, autoescape),
so the same source compiles to the same code in each.
"""

from jinja2 import BytecodeCache
from pelican import signals


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates held in memory (Jinja ships file and memcached ones): for one build,
    or, in the devserver, which keeps its Pelican and so its settings, for all its rebuilds."""

    def __init__(self):
        self._compiled = {}

    def load_bytecode(self, bucket):
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # Jinja drops it if the source changed

    def dump_bytecode(self, bucket):
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self):
        self._compiled.clear()

    def __deepcopy__(self, memo):
        # i18n_subsites deep-copies the settings for each language: share, do not copy.
        return self


def share_compiled_templates(pelican):
    environment = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    environment.setdefault("bytecode_cache", MemoryBytecodeCache())
    # A generator's environment lives for one build (the devserver makes new ones for each
    # rebuild), so Jinja need not stat every template file again on each page.
    environment.setdefault("auto_reload", False)


def register():
    signals.initialized.connect(share_compiled_templates)
