// HTML module: see ../shared/ARCHITECTURE.md
