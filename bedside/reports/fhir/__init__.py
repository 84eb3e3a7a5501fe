"""FHIR R4 export: a circle's record of a period as a validated ``collection`` Bundle."""
