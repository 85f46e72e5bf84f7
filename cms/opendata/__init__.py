"""Open data: the DCAT-AP catalogue, its vocabularies and the CSV preview of distributions."""
