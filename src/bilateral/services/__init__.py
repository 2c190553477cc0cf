"""Work the command line and the window share (locating the library, importing), with no Qt."""
