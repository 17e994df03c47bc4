"""Code the tests share: the project copied and built, a browser, a JupyterLab server."""
