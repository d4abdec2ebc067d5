"""Importing pdfbuilder changes nothing in the process; building patches only what _rl says.

Each check runs in a fresh interpreter that first imports everything pdfbuilder will import
from ReportLab and PyYAML, takes a snapshot of those modules (every name, and every
attribute of every class they define), then imports every module of pdfbuilder (and, for
the second check, builds a leaflet) and compares.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import requires_rl

ROOT = Path(__file__).resolve().parents[2]

_IMPORT_ALL = """
import importlib, pkgutil
import pdfbuilder
for info in pkgutil.walk_packages(pdfbuilder.__path__, "pdfbuilder."):
    if info.name != "pdfbuilder.__main__":
        importlib.import_module(info.name)
"""

#: Whether a value is pdfbuilder's: a pdfbuilder class, an instance of one, or its function.
_OURS = """
def ours(value):
    kind = value if isinstance(value, type) else type(value)
    if str(vars(kind).get("__module__", "")).startswith("pdfbuilder"):
        return True
    module = getattr(value, "__module__", "") if callable(value) else ""
    return isinstance(module, str) and module.startswith("pdfbuilder")
"""

#: ``changed``: names whose value is another object now (``to_pdfbuilder``: one of ours);
#: ``stand_ins``: modules replaced in ``sys.modules``, and entries that are pdfbuilder objects.
_CHECK = """
import gc, importlib, json, re, sys, types
THIRD_PARTY = json.loads(sys.argv[1])
for name in THIRD_PARTY:
    importlib.import_module(name)

def snapshot():
    seen = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in ("reportlab", "yaml", "re", "zlib"):
            continue
        for key, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType) and value.__name__.startswith(name + "."):
                continue  # a submodule, bound on its package when it was imported
            seen[f"{name}.{key}"] = value
            if isinstance(value, type) and value.__module__ == name:
                for attr, member in list(vars(value).items()):
                    seen[f"{name}.{key}.{attr}"] = member
    return seen
OURS

before, modules_before = snapshot(), set(sys.modules)
originals = dict(sys.modules)
compile_, collecting, frozen = re.compile, gc.isenabled(), gc.get_freeze_count()
IMPORT_ALL
ACTION
after = snapshot()
replaced = [n for n in modules_before if sys.modules.get(n) is not originals[n]]
in_modules = [n for n, m in sys.modules.items() if ours(m)]
changed = sorted(k for k in before if after.get(k) is not before[k])
print(json.dumps({
    "changed": changed,
    "to_pdfbuilder": [k for k in changed if ours(after.get(k))],
    "stand_ins": sorted({*replaced, *in_modules}),
    "re.compile": re.compile is compile_,
    "gc": [gc.isenabled() == collecting, gc.get_freeze_count() == frozen],
}))
"""


#: Importing pdfbuilder first: nothing of pdfbuilder's may end up in another package.
_CHECK_FIRST = """
import gc, json, re, sys
compile_, collecting, frozen = re.compile, gc.isenabled(), gc.get_freeze_count()
IMPORT_ALL
OURS

leaked = []
for name, module in list(sys.modules.items()):
    if name.split(".")[0] in ("pdfbuilder", "__main__"):
        continue
    if ours(module):
        leaked.append(name)
        continue
    for key, value in list(vars(module).items()):
        if ours(value):
            leaked.append(f"{name}.{key}")
        elif isinstance(value, type) and value.__module__ == name:
            leaked += [f"{name}.{key}.{a}" for a, m in list(vars(value).items()) if ours(m)]
print(json.dumps({
    "leaked": sorted(leaked),
    "re.compile": re.compile is compile_ and compile_.__module__ == "re",
    "gc": [gc.isenabled() == collecting, gc.get_freeze_count() == frozen],
}))
"""


def _python(code: str, *args: str, plain: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PDFBUILDER_PLAIN_REPORTLAB"}
    if plain:
        env["PDFBUILDER_PLAIN_REPORTLAB"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return done.stdout


def _third_party() -> list[str]:
    """Every ReportLab and PyYAML module that importing all of pdfbuilder imports."""
    code = (
        _IMPORT_ALL
        + "import sys, json\n"
        + (
            "print(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] in "
            "('reportlab', 'yaml'))))"
        )
    )
    names: list[str] = json.loads(_python(code))
    assert "reportlab.platypus.paragraph" in names and "yaml" in names
    return names


def _check(action: str, plain: bool = False) -> dict[str, object]:
    code = _CHECK.replace("IMPORT_ALL", _IMPORT_ALL).replace("ACTION", action)
    code = code.replace("OURS", _OURS)
    result: dict[str, object] = json.loads(_python(code, json.dumps(_third_party()), plain=plain))
    return result


NOTHING = {
    "changed": [],
    "to_pdfbuilder": [],
    "stand_ins": [],
    "re.compile": True,
    "gc": [True, True],
}


def test_importing_every_module_changes_nothing() -> None:
    assert _check("pass") == NOTHING


def test_importing_pdfbuilder_first_leaves_nothing_of_it_in_other_packages() -> None:
    """No stand-in modules, lazy patterns or patched functions, and the collector as it was."""
    code = _CHECK_FIRST.replace("IMPORT_ALL", _IMPORT_ALL).replace("OURS", _OURS)
    result = json.loads(_python(code))
    assert result == {"leaked": [], "re.compile": True, "gc": [True, True]}


#: What the first build installs on a tested ReportLab, and nothing else (see _rl/__init__.py).
INSTALLED = [
    "reportlab.pdfbase.pdfdoc.format",
    "reportlab.pdfbase.pdfdoc.zlib",
    "reportlab.pdfbase.ttfonts.TTFont.splitString",
    "reportlab.pdfbase.ttfonts.TTFontFile.makeSubset",
    "reportlab.pdfbase.ttfonts.makeToUnicodeCMap",
]


@requires_rl
def test_the_first_build_patches_only_what_rl_lists() -> None:
    import reportlab

    result = _check('pdfbuilder.build_pdf("handouts/samples/back-spasms.ar.yaml")')
    # ReportLab may rebind names of its own when first used (4.4's utils.open_for_read does).
    assert result["to_pdfbuilder"] == INSTALLED, reportlab.Version
    assert result["stand_ins"] == [] and result["re.compile"] is True


def test_in_plain_mode_a_build_patches_nothing() -> None:
    result = _check('pdfbuilder.build_pdf("handouts/samples/back-spasms.ar.yaml")', plain=True)
    assert {**result, "changed": []} == NOTHING  # ReportLab's own rebinding aside
