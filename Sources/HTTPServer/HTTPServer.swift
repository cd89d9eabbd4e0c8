// HTTPServer module: see ../shared/ARCHITECTURE.md
