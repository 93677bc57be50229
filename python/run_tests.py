#!/usr/bin/python3
"""python/run_tests.py: the tests of python/ (the output loader, the Jupyter
kernel, the example notebook), run by `make jupyter-test` with Debian's
/usr/bin/python3.  Needs $ALPCAST_EXE (the alpcast under test); writes the
kernelspec of that alpcast into a temporary JUPYTER_PATH.  NAME arguments
select test files by substring.  Closes with "tests: N passed, N failed"."""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    exe = os.environ.get("ALPCAST_EXE")
    if not exe or not os.access(exe, os.X_OK):
        print("python/run_tests.py: set ALPCAST_EXE to the alpcast executable under test")
        return 2
    with tempfile.TemporaryDirectory() as jdir:
        subprocess.run([os.path.join(HERE, "kernelspec.sh"), os.path.join(jdir, "kernels", "alpcast"),
                        os.path.join(HERE, "alpcast_kernel.py"), os.path.abspath(exe)], check=True)
        os.environ["JUPYTER_PATH"] = jdir
        os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        sys.path.insert(0, HERE)
        loader = unittest.TestLoader()
        suite = unittest.TestSuite()
        names = sys.argv[1:]
        for f in sorted(os.listdir(os.path.join(HERE, "tests"))):
            if f.startswith("test_") and f.endswith(".py") and (not names or any(n in f for n in names)):
                suite.addTests(loader.discover(os.path.join(HERE, "tests"), pattern=f,
                                               top_level_dir=os.path.join(HERE, "tests")))
        result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    if result.skipped:
        print("(%d skipped)" % len(result.skipped))
    print("tests: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
