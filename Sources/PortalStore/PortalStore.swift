// PortalStore module: see ../shared/ARCHITECTURE.md
