// PortalWeb module: see ../shared/ARCHITECTURE.md
