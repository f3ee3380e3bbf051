# Writes the notebooks under test/data/notebooks with Python's json module, the way nbformat.write does
# (indent=1, sort_keys=True, ensure_ascii=False, a final newline), plus layouts/<case>.input.ipynb and
# <case>.output.ipynb pairs in other styles: the .output file is what that style writes for the fixed
# notebook, so ftptls must produce it byte for byte. Run: python3 test/data/notebooks/make.py
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def nb(cells, kernel=None):
    meta = {
        "kernelspec": kernel or {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                          "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                          "pygments_lexer": "ipython3", "version": "3.11.4"},
    }
    return {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}


def code(id, src, n=None, outputs=None):
    return {"cell_type": "code", "execution_count": n, "id": id, "metadata": {}, "outputs": outputs or [],
            "source": src.splitlines(True)}


def md(id, src):
    return {"cell_type": "markdown", "id": id, "metadata": {}, "source": src.splitlines(True)}


def dumps(obj, **style):
    options = dict(sort_keys=True, indent=1, ensure_ascii=False)
    options.update(style)
    return json.dumps(obj, **options) + "\n"


def write(name, text, eol="\n"):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(text.replace("\n", eol))


PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n"

write("cross_cell.ipynb", dumps(nb([
    md("a1b2c3d4", "# Nightly upload — café ☕\n\nUploads the report over FTP."),
    code("c0ffee01", "from ftplib import FTP\nimport os", 1),
    code("c0ffee02", 'HOST = os.environ.get("FTP_HOST", "ftp.example.com")\nprint(HOST)', 2,
         [{"name": "stdout", "output_type": "stream", "text": ["ftp.example.com\n"]}]),
    code("c0ffee03", 'ftp = FTP(HOST)\nftp.login("user", "secret")', 3,
         [{"data": {"text/plain": ["'230 Login successful.'"]}, "execution_count": 3, "metadata": {},
           "output_type": "execute_result"}]),
    code("c0ffee04", 'with open("report.csv", "rb") as f:\n    ftp.storbinary("STOR report.csv", f)\nftp.quit()', 4,
         [{"data": {"image/png": PNG, "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
           "metadata": {"needs_background": "light"}, "output_type": "display_data"}]),
    md("a1b2c3d5", "Done. `ftplib` is not used below."),
    code("c0ffee05", 'print("bye")'),
])))

write("magics.ipynb", dumps(nb([
    code("m0000001", "%matplotlib inline\n%load_ext autoreload\nimport ftplib", 1),
    code("m0000002", '%%time\nconn = ftplib.FTP("ftp.example.com")\n!echo "it\'s a shell line"\nconn.login()', 2),
    code("m0000003", "files = !ls *.csv\nfor name in files:\n    %time conn.size(name)\n    print(name)\nconn?", 3),
    code("m0000004", '%%bash\necho "from ftplib import FTP"\nftp = FTP(host)', 4),
    code("m0000005", '%%python3\nfrom ftplib import FTP\nftp = FTP("ftp.example.com")\nftp.login()\nftp.quit()', 5),
])))

write("suppressed.ipynb", dumps(nb([
    code("s0000001", "from ftplib import FTP  # noqa: S402", 1),
    code("s0000002", 'legacy = FTP("old.example.com")  # ftptls: ignore\nlegacy.login()', 2),
    code("s0000003", 'ftp = FTP("ftp.example.com")\nftp.login()', 3),
])))

write("r_kernel.ipynb", dumps(nb([code("r0000001", "library(ftplib)\nx <- 1", 1)],
                                 kernel={"display_name": "R", "language": "R", "name": "ir"})))

write("clean.ipynb", dumps(nb([
    code("k0000001", 'from ftplib import FTP_TLS\nftp = FTP_TLS("ftp.example.com")\nftp.login()\nftp.prot_p()', 1),
])))

write("syntax_error.ipynb", dumps(nb([
    code("e0000001", "import ftplib", 1),
    code("e0000002", "ftp = ftplib.FTP(host)\nftp.login(\nprint('unclosed')", 2),
])))

# Eleven small cells, some empty, some without a final newline: the split back into cells once took the
# sentinel between cells 1 and 2 for the start of the one between cells 10 and 11 (issue 11)
write("many_cells.ipynb", dumps(nb([
    code(f"n{k:07d}", src) for k, src in enumerate(
        ["import ftplib\n", "f = ftplib.FTP()\n", "x = 1", "", "", "y = 2", "", "", "z = 3", "", ""])
])))

with open(os.path.join(HERE, "broken.ipynb"), "w") as f:
    f.write('{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": ["import ftplib\\n"]\n  },\n ]\n}\n')

# --- layouts: one small notebook, fixed, in several JSON styles
BEFORE = nb([
    md("l0000001", "Übersicht: upload über FTP"),
    code("l0000002", "from ftplib import FTP  # café\nimport os\n# unverändert", 1),
    code("l0000003", 'ftp = FTP("ftp.example.com")\nftp.login()', 2, [{"name": "stdout", "output_type": "stream", "text": ["ok ✓\n"]}]),
    code("l0000004", "print('no ftp here')"),
])
AFTER = copy.deepcopy(BEFORE)
AFTER["cells"][1]["source"] = "from ftplib import FTP_TLS  # café\nimport os\n# unverändert".splitlines(True)
AFTER["cells"][2]["source"] = 'ftp = FTP_TLS("ftp.example.com")\nftp.login()\nftp.prot_p()'.splitlines(True)


def pair(case, eol="\n", transform=lambda nb: nb, **style):
    os.makedirs(os.path.join(HERE, "layouts"), exist_ok=True)
    write(f"layouts/{case}.input.ipynb", dumps(transform(copy.deepcopy(BEFORE)), **style), eol)
    write(f"layouts/{case}.output.ipynb", dumps(transform(copy.deepcopy(AFTER)), **style), eol)


def string_sources(nb):
    for cell in nb["cells"]:
        cell["source"] = "".join(cell["source"])
    return nb


pair("jupyter")  # indent=1, as Jupyter writes
pair("indent2", indent=2)
pair("tabs", indent="\t")
pair("compact", indent=None)
pair("compact-tight", indent=None, separators=(",", ":"))
pair("crlf", eol="\r\n")
pair("ensure-ascii", ensure_ascii=True)
def shuffled_keys(nb):
    cells = [dict(reversed(list(c.items()))) for c in nb["cells"]]
    return {"nbformat_minor": nb["nbformat_minor"], "nbformat": nb["nbformat"], "metadata": nb["metadata"], "cells": cells}


pair("key-order", sort_keys=False, transform=shuffled_keys)
pair("string-source", transform=string_sources)
