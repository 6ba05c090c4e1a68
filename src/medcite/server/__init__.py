"""medcite's HTTP API and web page (``pip install 'medcite[server]'``; ``medcite serve``).

The app lives in :mod:`medcite.server.app`: ``create_app(engine, settings)`` for tests and
embedding, ``serve(host, port, index_path)`` for the command line.
"""
