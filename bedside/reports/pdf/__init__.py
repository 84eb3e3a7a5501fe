"""Clinical reports (PT and ALS clinic): context builders, HTML templates, PDF via WeasyPrint."""
