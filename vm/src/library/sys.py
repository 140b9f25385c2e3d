# The sys module: what threaded programs use of it (the streams, argv, exit, the switch
# interval and recursion limit), over the VM's `_emlab_sys`. Written for emlab.
import _emlab_sys

argv = _emlab_sys.argv()
maxsize = 9223372036854775807
byteorder = "little"
platform = "linux"
version = "3.11.7 (emlab)"
version_info = (3, 11, 7, "final", 0)
hexversion = 0x030B07F0
executable = "emlab"
path = []


class _Implementation:
    "`sys.implementation`: emlab runs the language of CPython 3.11 under a name of its own."

    def __init__(self):
        self.name = "emlab"
        self.cache_tag = None
        self.version = version_info
        self.hexversion = hexversion

    def __repr__(self):
        return (
            f"namespace(name={self.name!r}, cache_tag=None, version={self.version!r}, "
            f"hexversion={self.hexversion})"
        )


implementation = _Implementation()


class _Stream:
    def __init__(self, fd, name):
        self._fd = fd
        self.name = name

    def write(self, text):
        _emlab_sys.write(self._fd, text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        return self._fd

    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='w' encoding='utf-8'>"


stdout = _Stream(1, "<stdout>")
stderr = _Stream(2, "<stderr>")
__stdout__ = stdout
__stderr__ = stderr


def exit(status=None):
    raise SystemExit(status)


def getswitchinterval():
    return _emlab_sys.getswitchinterval()


def setswitchinterval(interval):
    _emlab_sys.setswitchinterval(interval)


def getrecursionlimit():
    return _emlab_sys.getrecursionlimit()


def setrecursionlimit(limit):
    _emlab_sys.setrecursionlimit(limit)


def intern(string):
    return string
